"""A client's home stock: what is in each appliance, and for how many days it feeds the
approved plan (days of cover; counted from today, without deliveries on their way).
The stock is inventory's; what is on its way (``incoming``) is delivery orders', so the
view lives downstream, with them."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork
from nutriplat.delivery.home_reordering import PLAN_HORIZON_DAYS
from nutriplat.delivery.open_orders import add_open_orders
from nutriplat.delivery.policy import POLICY
from nutriplat.inventory.domain import days_of_cover
from nutriplat.inventory.products import product_catalogue
from nutriplat.inventory.reorder import snapshot


def client_stock(uow: UnitOfWork, actor: Actor, client_id: int) -> dict[str, Any]:
    POLICY.check(actor, "client_stock")
    with uow:
        session = uow.session
        client = load_client(session, actor, client_id)
        today = business_today()
        catalogue = product_catalogue(session)
        state = add_open_orders(session, snapshot.load(
            session, [client.id], today, today + timedelta(days=PLAN_HORIZON_DAYS), catalogue, today=today))[client.id]
        plan = state.consumption(today, today + timedelta(days=PLAN_HORIZON_DAYS))
        known_until = max(plan, default=None)
        cover = days_of_cover(state.items(today, catalogue, {}), plan, {}, today,
                              (known_until or today) + timedelta(days=1))
        incoming: dict[Any, int] = {}
        for units in state.incoming(today).values():
            for product, n in units.items():
                incoming[product] = incoming.get(product, 0) + n
        items: list[dict[str, Any]] = []
        for product in sorted(set(state.held) | set(cover) | set(incoming)):
            info, held = catalogue[product], state.held.get(product, [])
            latest = max(held, key=lambda h: h.lot_id).variant_id if held else None
            days = cover.get(product)
            beyond_plan = product in cover and days is None
            if beyond_plan:  # it lasts past the plan's last known day
                assert known_until is not None  # a planned product: the plan has a last day
                days = (known_until - today).days + 1
            items.append({
                "variant_id": info.current_variant_id or latest, "dish_id": product[0], "texture": product[1],
                "name": info.name, "storage_class": info.storage_class,
                "quantity": sum(h.quantity for h in held if h.expiry_date >= today),
                "expired_quantity": sum(h.quantity for h in held if h.expiry_date < today),
                "next_expiry": min((h.expiry_date for h in held), default=None),
                "incoming": incoming.get(product, 0), "planned": product in cover,
                "days_of_cover": days, "beyond_plan": beyond_plan})
        used: dict[int, float] = {}
        for product, held in state.held.items():
            for h in held:
                used[h.location_id] = used.get(h.location_id, 0.0) + h.quantity * catalogue[product].volume_l
        covered = [i["days_of_cover"] for i in items if i["planned"]]
        audit.record(session, actor, "read", "home_stock", client.id, client.id, organisation_id=client.organisation_id)
        uow.commit()
        return {"client_id": client.id, "as_of": today, "plan_known_until": known_until,
                "days_of_cover": min(covered, default=None), "items": items,
                "appliances": [{"location_id": h.id, "appliance_type": h.appliance_type,
                                "storage_class": h.storage_class, "capacity_l": h.capacity_l,
                                "used_l": round(used.get(h.id, 0.0), 3)}
                               for h in sorted(state.homes, key=lambda h: h.id)]}
