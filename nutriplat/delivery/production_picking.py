"""The pick lists beside the kitchen's production plan (issue 16 item 6): for a delivery
day, what each van loads — the orders on its route of the day's published plan, per dish
variant — and what each care facility receives, crate by crate per ward. Counts only, no
person: a home order is a number of units on a van, a ward order a crate of a ward."""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nutriplat.auth.models import Organisation
from nutriplat.catalogue.models import DishVariant
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine, PlannedRoute, PlannedStop, RoutePlan
from nutriplat.delivery.vocabulary import OPEN_ORDER_STATUSES
from nutriplat.facilities.models import Ward
from nutriplat.inventory.models import Location

Units = dict[int, int]  # variant id → units


def pick_lists(session: Session, organisation_id: int, delivery_day: date) -> dict[str, list[dict[str, Any]]]:
    units: dict[int, Units] = defaultdict(dict)  # order → its units per variant
    orders: dict[int, int | None] = {}  # order → its ward (None: a home order)
    for order_id, ward_id, variant_id, quantity in session.execute(
            select(DeliveryOrder.id, DeliveryOrder.ward_id, DeliveryOrderLine.variant_id,
                   func.sum(DeliveryOrderLine.quantity))
            .join(DeliveryOrderLine, DeliveryOrderLine.order_id == DeliveryOrder.id)
            .where(DeliveryOrder.organisation_id == organisation_id, DeliveryOrder.delivery_date == delivery_day,
                   DeliveryOrder.status.in_(OPEN_ORDER_STATUSES))
            .group_by(DeliveryOrder.id, DeliveryOrder.ward_id, DeliveryOrderLine.variant_id)):
        units[order_id][variant_id] = int(quantity)
        orders[order_id] = ward_id
    variants = {v.id: v for v in session.scalars(select(DishVariant).where(
        DishVariant.id.in_({v for per_order in units.values() for v in per_order})))}
    return {"vans": _vans(session, organisation_id, delivery_day, units, variants),
            "facilities": _facilities(session, orders, units, variants)}


def _vans(session: Session, organisation_id: int, day: date, units: dict[int, Units],
          variants: dict[int, DishVariant]) -> list[dict[str, Any]]:
    """Per van of the day's published plans the units of the orders on its route; the
    open orders no published route carries yet, last (van null)."""
    loads: dict[int | None, list[int]] = defaultdict(list)
    for van_id, order_ids in session.execute(
            select(PlannedRoute.van_id, PlannedStop.order_ids)
            .join(PlannedStop, PlannedStop.route_id == PlannedRoute.id)
            .join(RoutePlan, RoutePlan.id == PlannedRoute.plan_id)
            .where(RoutePlan.organisation_id == organisation_id, RoutePlan.delivery_date == day,
                   RoutePlan.published_at.is_not(None))):
        loads[van_id] += [o for o in order_ids or () if o in units]
    routed = {o for order_ids in loads.values() for o in order_ids}
    if unrouted := sorted(set(units) - routed):
        loads[None] = unrouted
    names = dict(session.execute(select(Location.id, Location.name).where(
        Location.id.in_([v for v in loads if v is not None]))).all())
    return [{"van_id": van_id, "van": names.get(van_id) if van_id else None, "orders": len(set(order_ids)),
             **_lines([units[o] for o in set(order_ids)], variants)}
            for van_id, order_ids in sorted(loads.items(),
                                            key=lambda item: (item[0] is None, names.get(item[0] or 0, "")))]


def _facilities(session: Session, orders: dict[int, int | None], units: dict[int, Units],
                variants: dict[int, DishVariant]) -> list[dict[str, Any]]:
    """Per facility, a crate per ward: the units of its ward order(s) of the day."""
    crates: dict[int, list[int]] = defaultdict(list)
    for order_id, ward_id in orders.items():
        if ward_id is not None:
            crates[ward_id].append(order_id)
    wards = {w.id: w for w in session.scalars(select(Ward).where(Ward.id.in_(crates)))}
    facilities = dict(session.execute(select(Organisation.id, Organisation.name).where(
        Organisation.id.in_({w.facility_id for w in wards.values()}))).all())
    by_facility: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for ward_id, order_ids in sorted(crates.items(), key=lambda item: wards[item[0]].name):
        ward = wards[ward_id]
        by_facility[ward.facility_id].append({"ward_id": ward.id, "ward": ward.name,
                                              **_lines([units[o] for o in order_ids], variants)})
    return [{"facility_id": facility_id, "facility": facilities.get(facility_id, str(facility_id)), "wards": crate}
            for facility_id, crate in sorted(by_facility.items(), key=lambda item: facilities.get(item[0], ""))]


def _lines(per_order: list[Units], variants: dict[int, DishVariant]) -> dict[str, Any]:
    total: Units = defaultdict(int)
    for order_units in per_order:
        for variant_id, quantity in order_units.items():
            total[variant_id] += quantity
    lines = [{"variant_id": v, "dish": variants[v].name, "texture": variants[v].texture,
              "storage_class": variants[v].storage_class, "units": n}
             for v, n in sorted(total.items(), key=lambda item: (variants[item[0]].name, variants[item[0]].texture))]
    return {"units": sum(total.values()), "lines": lines}
