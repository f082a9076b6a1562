"""The nightly ward ordering (job ``ward-orders``): for each facility served under a
service agreement, the approved plans of each served ward's residents become the ward's
delivery order for each delivery day whose cut-off is still ahead — one order per ward and
day, a line per resident, served day, meal moment and dish (the ward's crate).

The run for day D acts as of D 00:00 in Brussels (the night before). Before a delivery
day's cut-off a changed need (an admission, a discharge, a move between wards, a new
texture or allergy, a revised plan) re-versions the order's lines, audited; after it, the
crate may be packed: a kitchen task says what the order would hold now, once per change.
A dish the resident's record excludes (texture, allergen) is never put on an order. Two
runs at once make one order (the unique ward and day; the loser re-reads and agrees).
Ward crates leave from the route depot nearest the ward's site (``depot_for``): the facility
is one more stop on the vans that already leave that depot, and the kitchen's central
replenishment stocks the depot for the crates as it does for home orders."""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from nutriplat.auth import audit
from nutriplat.auth.actor import SYSTEM
from nutriplat.catalogue.models import DishVariant
from nutriplat.clients.models import Client
from nutriplat.clock import BRUSSELS
from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine, Depot, KitchenTask
from nutriplat.delivery.recall_replacements import replacements_due
from nutriplat.facilities.agreements import agreements_in_force
from nutriplat.facilities.models import ServiceAgreement, Site, Ward
from nutriplat.inventory.domain.units import is_stocked
from nutriplat.inventory.models import Location
from nutriplat.inventory.suitability import reason_against
from nutriplat.mealplans.approved import PlannedDish, approved_dishes

HORIZON_DAYS = 7
# What a run counts: per ward and delivery day one outcome, and the dishes it refused.
OUTCOMES = ("orders", "revised", "unchanged", "kitchen_tasks", "kitchen_tasks_open", "missed_cutoff",
            "nothing_to_order", "refused_dishes", "no_depot")
RESOURCE = "delivery_order"
Line = tuple[int, str, str, int, int]  # client, served day (ISO), meal moment, variant, quantity


def cutoff_at(agreement: ServiceAgreement, delivery_day: date) -> datetime:
    return datetime.combine(delivery_day - timedelta(days=agreement.cutoff_days_before),
                            agreement.cutoff_time, BRUSSELS)


def served_days(agreement: ServiceAgreement, delivery_day: date) -> list[date]:
    """A delivery feeds its day and the days until the next delivery day."""
    days = [delivery_day]
    while (days[-1] + timedelta(days=1)).isoweekday() not in agreement.delivery_days and len(days) < 7:
        days.append(days[-1] + timedelta(days=1))
    return days


def delivery_days(agreement: ServiceAgreement, day: date) -> list[date]:
    return [d for d in (day + timedelta(days=n) for n in range(HORIZON_DAYS + 1))
            if d.isoweekday() in agreement.delivery_days and agreement.valid_from <= d
            and (agreement.valid_until is None or d <= agreement.valid_until)]


def run_ward_orders(new_uow: Callable[[], UnitOfWork], day: date) -> dict[str, int]:
    """Every facility's ward orders for the delivery days ahead of ``day``; idempotent."""
    counts: Counter[str] = Counter(dict.fromkeys(OUTCOMES, 0))
    as_of = datetime.combine(day, time(0), BRUSSELS)
    with new_uow() as uow:
        agreements = [(a.id, a.facility_id) for a in agreements_in_force(uow.session, day)]
    for agreement_id, _facility in agreements:
        counts.update(order_for_agreement(new_uow, agreement_id, day, as_of))
    return dict(counts)


def order_for_agreement(new_uow: Callable[[], UnitOfWork], agreement_id: int, day: date,
                        as_of: datetime) -> Counter[str]:
    """One facility's ward orders for the delivery days ahead of ``day``, as of ``as_of``
    (the night before, or now when a transfer re-orders at once)."""
    for attempt in range(2):  # a concurrent run made the same order: read it and agree
        try:
            with new_uow() as uow:
                agreement = uow.session.get_one(ServiceAgreement, agreement_id)
                counts = _facility_orders(uow.session, agreement, day, as_of)
                uow.commit()
            return counts
        except IntegrityError:
            if attempt:
                raise
    return Counter()


def _facility_orders(session: Session, agreement: ServiceAgreement, day: date, as_of: datetime) -> Counter[str]:
    """A facility in a few queries: its wards' residents, their planned dishes over the
    horizon and the orders already made, then each ward and delivery day in memory."""
    counts: Counter[str] = Counter()
    wards = list(session.scalars(select(Ward).where(Ward.id.in_(agreement.ward_ids),
                                                    Ward.facility_id == agreement.facility_id)))
    depots = depot_for(session, agreement.organisation_id, {w.site_id for w in wards})
    if not depots:
        counts["no_depot"] += 1
        return counts
    settings = {w.id: w.setting for w in wards}
    residents = {c.id: c for c in session.scalars(select(Client).where(
        Client.ward_id.in_(settings), Client.status == "active")) if c.care_setting == settings[c.ward_id or 0]}
    deliveries = {d: served_days(agreement, d) for d in delivery_days(agreement, day)}
    if not deliveries:
        return counts
    first, last = min(deliveries), max(days[-1] for days in deliveries.values())
    planned: dict[tuple[int | None, date], list[PlannedDish]] = defaultdict(list)  # by ward and day
    variants: dict[int, DishVariant] = {}
    for dish in approved_dishes(session, list(residents), first, last):
        planned[residents[dish.client_id].ward_id, dish.day].append(dish)
        variants[dish.variant.id] = dish.variant
    made = {(o.ward_id, o.delivery_date): o for o in session.scalars(select(DeliveryOrder).where(
        DeliveryOrder.ward_id.in_(settings), DeliveryOrder.delivery_date.in_(deliveries)))}
    held = _lines_of(session, [o.id for o in made.values()])
    replacements = replacements_due(session, list(settings), list(deliveries))  # a recall's, at the wards
    _read_variants(session, variants, {line[3] for lines in replacements.values() for line in lines})
    new: list[tuple[DeliveryOrder, list[Line]]] = []  # written together after the loop
    for delivery_day, days in deliveries.items():
        after_cutoff = cutoff_at(agreement, delivery_day) <= as_of
        for ward in wards:
            order = made.get((ward.id, delivery_day))
            if order is None and after_cutoff:
                counts["missed_cutoff"] += 1
                continue
            wanted = _wanted(agreement, residents, [d for served in days for d in planned[ward.id, served]], counts,
                             replacements.get((ward.id, delivery_day), []))
            if order is None:
                if wanted:
                    new.append((DeliveryOrder(
                        organisation_id=agreement.organisation_id, facility_id=agreement.facility_id,
                        ward_id=ward.id, delivery_date=delivery_day, origin="ward", warehouse_id=depots[ward.site_id],
                        covers_until=date.fromisoformat(wanted[-1][1])), wanted))
                counts["orders" if wanted else "nothing_to_order"] += 1
                continue
            counts[_settle(session, ward, order, wanted, held.get(order.id, []), after_cutoff,
                           depots[ward.site_id], variants)] += 1
    _create(session, new, variants)
    return counts


def _create(session: Session, new: list[tuple[DeliveryOrder, list[Line]]], variants: dict[int, DishVariant]) -> None:
    """A facility's new ward orders in a few statements (one flush, one insert of all their lines)."""
    if not new:
        return
    session.add_all(order for order, _lines in new)
    session.flush()
    _write_lines(session, [(order.id, line) for order, wanted in new for line in wanted], variants)
    for order, wanted in new:
        _audit(session, order, "create", len(wanted))


def _read_variants(session: Session, variants: dict[int, DishVariant], wanted: set[int]) -> None:
    """Adds to ``variants`` the rows of ``wanted`` not read yet (a recall's replacement dishes)."""
    if missing := wanted - variants.keys():
        variants.update((v.id, v) for v in session.scalars(select(DishVariant).where(DishVariant.id.in_(missing))))


def _wanted(agreement: ServiceAgreement, residents: dict[int, Client], planned: list[PlannedDish],
            counts: Counter[str], replacements: list[Line]) -> list[Line]:
    """One ward's lines from its residents' planned dishes of the days a delivery serves, and
    the replacement trays of a recall for residents still on the ward."""
    lines: Counter[tuple[int, str, str, int]] = Counter()
    for dish in planned:
        if dish.meal_moment not in agreement.meal_moments:
            continue
        if not is_stocked(dish.variant.dish.kind, dish.variant.texture):
            continue  # tap water, coffee, a recipe: the ward's own kitchen serves them, never the warehouse
        if reason_against(dish.variant, residents[dish.client_id]) is not None:
            counts["refused_dishes"] += 1  # the record changed since the plan: never sent
            continue
        lines[(dish.client_id, dish.day.isoformat(), dish.meal_moment, dish.variant.id)] += \
            max(1, math.ceil(dish.portions - 1e-9))
    for client_id, served, moment, variant_id, quantity in replacements:
        if client_id in residents:  # one who left the ward is replaced where they are now, by hand
            lines[(client_id, served, moment, variant_id)] += quantity
    return sorted((*key, quantity) for key, quantity in lines.items())


def _settle(session: Session, ward: Ward, order: DeliveryOrder, wanted: list[Line], current: list[Line],
            after_cutoff: bool, warehouse_id: int, variants: dict[int, DishVariant]) -> str:
    """An existing order: unchanged, revised before its cut-off, or a kitchen task after it."""
    moved = order.status == "planned" and not after_cutoff and order.warehouse_id != warehouse_id
    if current == wanted and not moved:
        return "unchanged"
    if after_cutoff or order.status != "planned":
        return _kitchen_task(session, order, ward, wanted)
    session.execute(delete(DeliveryOrderLine).where(DeliveryOrderLine.order_id == order.id))
    _write_lines(session, [(order.id, line) for line in wanted], variants)
    order.warehouse_id = warehouse_id  # a depot set up nearer the site since
    flag_modified(order, "covers_until")  # a new version of the order
    session.flush()
    _audit(session, order, "update", len(wanted))
    return "revised"


def _lines_of(session: Session, order_ids: list[int]) -> dict[int, list[Line]]:
    """The lines the orders hold now, as plain values, by order."""
    held: dict[int, list[Line]] = defaultdict(list)
    for row in session.execute(select(
            DeliveryOrderLine.order_id, DeliveryOrderLine.client_id, DeliveryOrderLine.served_on,
            DeliveryOrderLine.meal_moment, DeliveryOrderLine.variant_id, DeliveryOrderLine.quantity)
            .where(DeliveryOrderLine.order_id.in_(order_ids))):
        held[row[0]].append((row[1] or 0, row[2].isoformat() if row[2] else "", row[3] or "", row[4], row[5]))
    return {order_id: sorted(lines) for order_id, lines in held.items()}


def _write_lines(session: Session, lines: list[tuple[int, Line]], variants: dict[int, DishVariant]) -> None:
    """Order lines in one statement (a ward's crate holds hundreds); ``variants`` are the
    planned dishes' rows, read once per facility."""
    session.execute(insert(DeliveryOrderLine), [
        {"order_id": order_id, "client_id": client_id, "served_on": date.fromisoformat(served),
         "meal_moment": moment, "variant_id": variant_id, "dish_id": variants[variant_id].dish_id,
         "texture": variants[variant_id].texture, "quantity": quantity, "use_by": date.fromisoformat(served)}
        for order_id, (client_id, served, moment, variant_id, quantity) in lines])


def _kitchen_task(session: Session, order: DeliveryOrder, ward: Ward, wanted: list[Line]) -> str:
    as_json: list[Any] = [list(line) for line in wanted]
    known = session.scalars(select(KitchenTask.wanted).where(KitchenTask.order_id == order.id)).all()
    if as_json in known:
        return "kitchen_tasks_open"
    session.add(KitchenTask(organisation_id=order.organisation_id, order_id=order.id, ward_id=ward.id,
                            delivery_date=order.delivery_date, wanted=as_json,
                            reason=f"The ward order of {ward.name} for {order.delivery_date.isoformat()} changed "
                                   f"after its cut-off ({order.status}): adjust the crate."))
    audit.record(session, SYSTEM, "create", "kitchen_task", order.id, organisation_id=order.organisation_id,
                 detail={"ward_id": ward.id, "delivery_date": order.delivery_date.isoformat()})
    return "kitchen_tasks"


def _audit(session: Session, order: DeliveryOrder, action: str, lines: int) -> None:
    audit.record(session, SYSTEM, action, RESOURCE, order.id, organisation_id=order.organisation_id,
                 detail={"ward_id": order.ward_id, "delivery_date": order.delivery_date.isoformat(),
                         "lines": lines, "version": order.version})


def depot_for(session: Session, organisation_id: int, site_ids: set[int]) -> dict[int, int]:
    """Per site, the warehouse of the provider's route depot nearest to it; empty when
    the provider has no depot."""
    sites = session.execute(select(Site.id, Site.lat, Site.lon).where(Site.id.in_(site_ids))).all()
    nearest = {site.id: nearest_depot(session, organisation_id, site.lat, site.lon) for site in sites}
    return {site: depot for site, depot in nearest.items() if depot is not None}


def nearest_depot(session: Session, organisation_id: int, lat: float, lon: float) -> int | None:
    """The warehouse of the provider's active route depot nearest to a place (straight line)."""
    depots = session.execute(select(Depot.warehouse_id, Depot.lat, Depot.lon).join(
        Location, Location.id == Depot.warehouse_id).where(Depot.organisation_id == organisation_id,
                                                           Location.active).order_by(Depot.warehouse_id)).all()
    return min(depots, key=lambda d: _squared_km(lat, lon, d.lat, d.lon)).warehouse_id if depots else None


def _squared_km(lat: float, lon: float, other_lat: float, other_lon: float) -> float:
    """Flat-earth distance squared: enough to rank depots of one region."""
    return ((lat - other_lat) * 111.2) ** 2 + ((lon - other_lon) * 111.2 * math.cos(math.radians(lat))) ** 2


def ward_orders(new_uow: Callable[[], UnitOfWork], day: date) -> dict[str, int]:
    """The job registry's entry (``nutriplat jobs run ward-orders --date D``)."""
    return run_ward_orders(new_uow, day)
