"""A recall's pick-up at a ward (issue 20 item 2, issue 16 item 5): the ward's stock of the
recalled lot is collected at the facility's next stop — the site's stop of the ward's
next open crate, else of the agreement's next delivery day, else tomorrow — with collect
lines per resident whose trays drew on the lot (units capped at what the ward still
holds), from the route depot the crates leave from. Confirming the site's stop accounts
them as collected (``recall_pickups.collect``), as at a home. Once the recall committed,
the wards' orders are made again at once so that each resident's replacement is on the
crate of that day (``recall_replacements``; a kitchen task after the cut-off)."""
from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nutriplat import events
from nutriplat.clock import business_today, local_now
from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import DeliveryOrder, RecallPickup
from nutriplat.delivery.vocabulary import OPEN_ORDER_STATUSES
from nutriplat.delivery.ward_ordering import depot_for, order_for_agreement
from nutriplat.facilities.agreements import agreements_in_force
from nutriplat.facilities.models import Ward
from nutriplat.inventory.models import StockMove


def plan_ward_pickups(session: Session, recall_id: int, organisation_id: int, lot_id: int, location_id: int,
                      ward_id: int, units: int) -> list[tuple[int, date | None]]:
    """The pick-ups made, as (resident, day) for the people around them to be told."""
    ward = session.get_one(Ward, ward_id)
    day, warehouse_id = next_site_visit(session, organisation_id, ward)
    per_resident = _units_per_resident(session, lot_id, location_id)
    told: list[tuple[int, date | None]] = []
    left = units
    for client_id, received in sorted(per_resident.items()):
        taken = min(received, left)
        if taken <= 0:  # what the ward still holds is accounted to the residents before
            continue
        if warehouse_id is None:
            told.append((client_id, None))  # no depot serves the site: accounted by hand
            continue
        left -= taken
        session.add(RecallPickup(organisation_id=organisation_id, recall_id=recall_id, location_id=location_id,
                                 client_id=client_id, units=taken, due_on=day, warehouse_id=warehouse_id))
        told.append((client_id, day))
    return told


def next_site_visit(session: Session, organisation_id: int, ward: Ward) -> tuple[date, int | None]:
    """The day of the ward's next crate still on its way, else the agreement's next delivery
    day, else tomorrow; and the depot the crate leaves from."""
    today = business_today()
    order = session.scalar(select(DeliveryOrder).where(
        DeliveryOrder.ward_id == ward.id, DeliveryOrder.status.in_(OPEN_ORDER_STATUSES),
        DeliveryOrder.delivery_date > today).order_by(DeliveryOrder.delivery_date).limit(1))
    if order is not None:
        return order.delivery_date, order.warehouse_id
    weekdays = {d for a in agreements_in_force(session, today) if ward.id in a.ward_ids for d in a.delivery_days}
    day = next((today + timedelta(days=n) for n in range(1, 8)
                if (today + timedelta(days=n)).isoweekday() in weekdays), today + timedelta(days=1))
    return day, depot_for(session, organisation_id, {ward.site_id}).get(ward.site_id)


def _units_per_resident(session: Session, lot_id: int, location_id: int) -> dict[int, int]:
    """Units of the lot delivered into the ward's stock, by the resident whose tray it was."""
    delivered: dict[int, int] = defaultdict(int)
    for client_id, units in session.execute(
            select(StockMove.client_id, func.sum(StockMove.quantity)).where(
                StockMove.lot_id == lot_id, StockMove.to_location_id == location_id, StockMove.kind == "delivery",
                StockMove.client_id.is_not(None)).group_by(StockMove.client_id)):
        if client_id is not None:  # every ward delivery names its resident
            delivered[client_id] += units
    return dict(delivered)


@events.handles(events.LotRecalled, events.AFTER_COMMIT)
def replace_at_wards(uow: UnitOfWork, event: events.LotRecalled) -> None:
    """The recalled wards' orders made again now, as the nightly run would (idempotent)."""
    if not event.wards:
        return
    today, now = business_today(), local_now()
    ward_ids = {ward_id for _, ward_id, _ in event.wards}
    with uow:
        agreements = [a.id for a in agreements_in_force(uow.session, today) if ward_ids & set(a.ward_ids)]
    for agreement_id in agreements:
        order_for_agreement(lambda: uow, agreement_id, today, now)
