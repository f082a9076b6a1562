"""Supply follows a client across the care chain (issue 16 item 7), once the transfer or
the texture change committed:

- the ward orders still open are made again at once, as the nightly run would, so an
  admission puts the resident on the crate of the next delivery whose cut-off is ahead, a
  discharge or a move takes them off, and a new texture is on the crate before the
  cut-off (after it, a kitchen task, as at night); so is a changed allergy;
- a discharge home (from a hospital or a nursing home) schedules a first home delivery on
  the day they arrive, covering their approved plan until their next scheduled delivery,
  so there is food in the fridge when they come home. Once per client and day.

The admission's cancellation of home orders is ``handlers.stop_deliveries_on_leaving_home``."""
from __future__ import annotations

import math
from collections import Counter
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from nutriplat import events
from nutriplat.auth import audit
from nutriplat.auth.actor import SYSTEM, Actor
from nutriplat.clients.models import Client
from nutriplat.clock import business_today, local_now
from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine
from nutriplat.delivery.orders import RESOURCE
from nutriplat.delivery.vocabulary import OPEN_ORDER_STATUSES
from nutriplat.delivery.ward_ordering import nearest_depot, order_for_agreement
from nutriplat.facilities.agreements import agreements_in_force
from nutriplat.facilities.vocabulary import WARD_SETTINGS
from nutriplat.inventory.domain.schedule import WEEKDAYS
from nutriplat.inventory.domain.units import is_stocked
from nutriplat.inventory.models import DeliverySchedule
from nutriplat.inventory.suitability import reason_against
from nutriplat.mealplans.approved import approved_dishes

DISCHARGE = "discharge"  # the origin of a first home delivery after a stay


@events.handles(events.ClientTransferred, events.AFTER_COMMIT)
def follow_transfer(uow: UnitOfWork, event: events.ClientTransferred) -> None:
    reorder_wards_at_once(uow, event.client_id)
    if event.to_setting == "home" and event.from_setting in WARD_SETTINGS:
        first_home_delivery(uow, event.actor or SYSTEM, event.client_id, event.transferred_on)


@events.handles(events.TextureChanged, events.AFTER_COMMIT)
def follow_texture(uow: UnitOfWork, event: events.TextureChanged) -> None:
    reorder_wards_at_once(uow, event.client_id)


@events.handles(events.AllergiesChanged, events.AFTER_COMMIT)
def follow_allergies(uow: UnitOfWork, event: events.AllergiesChanged) -> None:
    """A new allergy takes the dishes it excludes off the crate (a kitchen task after the
    cut-off); a lifted one lets the plan's dishes back on."""
    reorder_wards_at_once(uow, event.client_id)


def reorder_wards_at_once(uow: UnitOfWork, client_id: int) -> Counter[str]:
    """The ward orders of the client's ward now and of any open crate holding them."""
    today, now = business_today(), local_now()
    with uow:
        session = uow.session
        wards = set(session.scalars(select(Client.ward_id).where(Client.id == client_id, Client.ward_id.is_not(None))))
        wards |= set(session.scalars(select(DeliveryOrder.ward_id).join(
            DeliveryOrderLine, DeliveryOrderLine.order_id == DeliveryOrder.id).where(
            DeliveryOrderLine.client_id == client_id, DeliveryOrder.status.in_(OPEN_ORDER_STATUSES),
            DeliveryOrder.delivery_date >= today)))
        agreements = [a.id for a in agreements_in_force(session, today) if wards & set(a.ward_ids)]
    counts: Counter[str] = Counter()
    for agreement_id in agreements:
        counts.update(order_for_agreement(lambda: uow, agreement_id, today, now))
    return counts


def first_home_delivery(uow: UnitOfWork, actor: Actor, client_id: int, arrival: date) -> int | None:
    """The order made (its id), or None: not at home, nothing planned, no depot, or made already."""
    with uow:
        session = uow.session
        client = session.get_one(Client, client_id)
        day = max(arrival, business_today())
        if client.care_setting != "home" or client.status != "active" or session.scalar(select(DeliveryOrder.id).where(
                DeliveryOrder.client_id == client_id, DeliveryOrder.origin == DISCHARGE,
                DeliveryOrder.delivery_date == day)) is not None:
            return None
        schedule = session.get(DeliverySchedule, client_id)
        warehouse = schedule.warehouse_id if schedule else (
            nearest_depot(session, client.organisation_id, client.lat, client.lon)
            if client.lat is not None and client.lon is not None else None)
        until = last_day_covered(schedule.weekdays if schedule else [], day)
        quantities: Counter[Any] = Counter()
        for dish in approved_dishes(session, [client_id], day, until):
            variant = dish.variant
            if is_stocked(variant.dish.kind, variant.texture) and reason_against(variant, client) is None:
                quantities[variant] += max(1, math.ceil(dish.portions - 1e-9))
        if warehouse is None or not quantities:
            return None
        order = DeliveryOrder(
            organisation_id=client.organisation_id, client_id=client_id, delivery_date=day, origin=DISCHARGE,
            warehouse_id=warehouse, covers_until=until, note=f"First meals at home after the discharge of {arrival}.",
            lines=[DeliveryOrderLine(variant_id=v.id, dish_id=v.dish_id, texture=v.texture, quantity=q, use_by=until)
                   for v, q in sorted(quantities.items(), key=lambda vq: vq[0].id)])
        session.add(order)
        session.flush()
        audit.record(session, actor, "create", RESOURCE, order.id, client_id, organisation_id=client.organisation_id,
                     detail={"origin": DISCHARGE, "covers_until": until.isoformat()})
        uow.commit()
        return order.id


def last_day_covered(weekdays: list[str], day: date) -> date:
    """The day before the client's next scheduled delivery after ``day`` (at least the day
    after arrival, at most a week)."""
    for ahead in range(2, 8):
        if WEEKDAYS[(day + timedelta(days=ahead)).weekday()] in weekdays:
            return day + timedelta(days=ahead - 1)
    return day + timedelta(days=1) if not weekdays else day + timedelta(days=6)
