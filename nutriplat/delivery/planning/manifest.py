"""A driver's manifest of one route: the stops in order with ETA, address, access
notes, what to hand over (dish, quantity, storage class, texture, allergens) and the
cold space it takes; as JSON and as a printable page with the route drawn in SVG.
It names people and their diets: only planners of the organisation, and audited."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.access import load_owned
from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.catalogue.models import DishVariant
from nutriplat.clients.models import Client
from nutriplat.clock import BRUSSELS
from nutriplat.db import UnitOfWork
from nutriplat.delivery.domain.mapsvg import route_map
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine, PlannedStop, RoutePlan
from nutriplat.delivery.planning.editing import route_of
from nutriplat.delivery.planning.facility_manifest import site_stop
from nutriplat.delivery.planning.proofs import PHOTO_URL, proof_view, proofs_of
from nutriplat.delivery.planning.stop_work import stop_work
from nutriplat.delivery.planning.views import result, stop_view
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.redelivery import redeliveries_among
from nutriplat.errors import Conflict

RESOURCE = "route_manifest"
_TEMPLATES = Environment(loader=PackageLoader("nutriplat", "templates"), autoescape=select_autoescape(["html"]))


def manifest(uow: UnitOfWork, actor: Actor, plan_id: int, route_id: int) -> dict[str, Any]:
    POLICY.check(actor, "manifest")
    with uow:
        session = uow.session
        plan = load_owned(session, RoutePlan, plan_id, actor, "route plan")
        route = route_of(plan, route_id)
        if plan.status != "done":
            raise Conflict(f"Plan {plan.id} is {plan.status}: no routes to print yet.", {"status": [plan.status]})
        summary = next(r for r in result(uow, plan)["routes"] if r["id"] == route.id)
        stops = sorted((s for s in plan.stops if s.route_id == route.id), key=lambda s: s.sequence or 0)
        clients = {c.id: c for c in session.scalars(select(Client).where(
            Client.id.in_({s.client_id for s in stops if s.client_id is not None})))}
        items = _items(session, [o for s in stops for o in s.order_ids])
        work = stop_work(session, stops)  # equipment to install or collect, a recall's collect lines
        proved = proofs_of(session, [s.id for s in stops])
        again = redeliveries_among(session, [o for s in stops for o in s.order_ids])
        van = next(v for v in plan.fleet["vans"] if v["van_id"] == route.van_id)
        audit.record_reads(session, actor, RESOURCE, {(c.id, c.organisation_id) for c in clients.values()})
        uow.commit()
        return {
            "plan_id": plan.id, "date": plan.delivery_date, "published": plan.published_at is not None,
            "depot": plan.fleet["depot"] | {"id": plan.depot_id},
            "route": summary | {"freezer_capacity_litres": van["frozen_litres"],
                                "chilled_capacity_litres": van["chilled_litres"]},
            "stops": [(site_stop(session, plan.delivery_date, s, [i for o in s.order_ids for i in items[o]])
                       if s.client_id is None else
                       _stop(plan.delivery_date, s, clients[s.client_id], [i for o in s.order_ids for i in items[o]])
                       | {"redeliveries": [again[o] for o in s.order_ids if o in again]})
                      | work[s.id] | {"proof": proof_view(proved.get(s.id))} for s in stops]}


def manifest_html(data: dict[str, Any], gettext: Callable[[str], str] = str, lang: str = "en",
                  photo_link: Callable[[int], str] | None = None) -> str:
    """The printable page, in the language of ``gettext`` (the caller's translations;
    English without them). ``photo_link``: a proof's photo address for the caller's way of
    signing in (the web app's session); the API's own address without it."""
    depot = (data["depot"]["lat"], data["depot"]["lon"])
    drawing = route_map(depot, [(s["location"]["lat"], s["location"]["lon"]) for s in data["stops"]])
    return _TEMPLATES.get_template("delivery/manifest.html").render(
        m=data, map=drawing, _=gettext, lang=lang, local_time=_local_time,
        photo_link=photo_link or (lambda proof_id: PHOTO_URL.format(id=proof_id)))


def _local_time(at: datetime) -> str:
    """A stored instant (UTC; SQLite gives it back naive) on the Brussels wall clock."""
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(BRUSSELS).strftime("%H:%M")


def _stop(day: date, stop: PlannedStop, client: Client, items: list[dict[str, Any]]) -> dict[str, Any]:
    view = stop_view(day, stop)
    return {key: view[key] for key in ("id", "sequence", "eta", "window", "order_ids", "task_ids", "pickup_ids",
                                       "frozen_litres", "chilled_litres", "outcome")} | {
        "client_id": client.id, "name": f"{client.given_name} {client.family_name}", "phone": client.phone,
        "address": client.address, "location": {"lat": stop.lat, "lon": stop.lon},
        "access_notes": client.delivery_notes,
        "texture": {"iddsi_food_level": client.iddsi_food_level, "iddsi_drink_level": client.iddsi_drink_level},
        "allergies": sorted(client.allergies), "items": items,
        "allergens_on_board": sorted({a for item in items for a in item["allergens"]})}


def _items(session: Session, order_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    rows = session.execute(select(DeliveryOrderLine, DishVariant, DeliveryOrder.status)
                           .join(DishVariant, DishVariant.id == DeliveryOrderLine.variant_id)
                           .join(DeliveryOrder, DeliveryOrder.id == DeliveryOrderLine.order_id)
                           .where(DeliveryOrderLine.order_id.in_(order_ids))
                           .order_by(DeliveryOrderLine.order_id, DeliveryOrderLine.id))
    items: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for line, variant, status in rows:
        if status == "cancelled":
            continue
        items[line.order_id].append({
            "order_id": line.order_id, "dish": variant.name, "variant_id": variant.id, "quantity": line.quantity,
            "storage_class": variant.storage_class, "texture": variant.texture, "lot_id": line.lot_id,
            "litres": round(variant.volume_l * line.quantity, 3), "allergens": sorted(variant.allergens)})
    return items
