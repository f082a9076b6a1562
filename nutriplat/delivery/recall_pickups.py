"""A recall's pick-ups (issue 20, item 2). When a lot is recalled (inventory's
``LotRecalled``, in its transaction) each client's home that holds it gets a pick-up on
the client's next delivery day from their schedule's warehouse: collect lines on that
day's stop, and a replacement order of the same product (another lot, first-expiry-first-
out) delivered on the same stop, never billed (``billed_at`` set: the client paid for the
recalled units). Confirming the stop delivered accounts the units as collected through
inventory's ``recalls.account`` (its recall step, its stock move); not at home or refused
leaves them outstanding (``missed``). A home without a delivery schedule gets its pick-up
tomorrow from the warehouse that last delivered it; one never delivered by us is accounted
by hand. A ward's stock is collected at the facility's next stop (``ward_recall``)."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat import events
from nutriplat.catalogue.models import DishVariant
from nutriplat.clock import local_now
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine, RecallPickup
from nutriplat.delivery.recall_notices import tell_recall
from nutriplat.delivery.ward_recall import plan_ward_pickups
from nutriplat.inventory import recalls
from nutriplat.inventory.locations import rule_of
from nutriplat.inventory.models import DeliverySchedule, Location, RecallLocation


@events.handles(events.LotRecalled, events.IN_TRANSACTION)
def plan_pickups(uow: Any, event: events.LotRecalled) -> None:
    session: Session = uow.session
    variant = session.get_one(DishVariant, event.variant_id)
    told: list[tuple[int, date | None]] = []
    for location_id, client_id, units in event.homes:
        schedule = session.get(DeliverySchedule, client_id)
        warehouse_id = schedule.warehouse_id if schedule else _last_warehouse(session, client_id)
        if warehouse_id is None:  # never delivered by us: accounted by hand
            told.append((client_id, None))
            continue
        day = next_route_day(schedule)
        replacement = DeliveryOrder(
            organisation_id=event.organisation_id, client_id=client_id, delivery_date=day, origin="manual",
            warehouse_id=warehouse_id, billed_at=utcnow(),
            note=f"Replacement for recall {event.recall_id} (lot {event.lot_id}): not billed.",
            lines=[DeliveryOrderLine(variant_id=variant.id, dish_id=variant.dish_id, texture=variant.texture,
                                     quantity=units)])
        session.add(replacement)
        session.flush()
        session.add(RecallPickup(organisation_id=event.organisation_id, recall_id=event.recall_id,
                                 location_id=location_id, client_id=client_id, units=units, due_on=day,
                                 warehouse_id=warehouse_id, replacement_order_id=replacement.id))
        told.append((client_id, day))
    for location_id, ward_id, units in event.wards:  # collected at the facility's next stop
        told += plan_ward_pickups(session, event.recall_id, event.organisation_id, event.lot_id, location_id,
                                  ward_id, units)
    tell_recall(uow, event.recall_id, event.organisation_id, variant, told)


def next_route_day(schedule: DeliverySchedule | None) -> date:
    """The client's next regular delivery day still open for orders, else (no schedule,
    or none open) tomorrow: a stop of its own on the warehouse's route."""
    now = local_now().replace(tzinfo=None)
    upcoming = [slot.delivery_date for slot in rule_of(schedule).slots(now, 14)
                if slot.delivery_date > now.date()] if schedule else []
    return upcoming[0] if upcoming else now.date() + timedelta(days=1)


def _last_warehouse(session: Session, client_id: int) -> int | None:
    """A home without a delivery schedule (paused, or delivered by hand) is visited from the
    warehouse that last delivered it."""
    return session.scalar(select(DeliveryOrder.warehouse_id).where(DeliveryOrder.client_id == client_id)
                          .order_by(DeliveryOrder.delivery_date.desc(), DeliveryOrder.id.desc()).limit(1))


def due_pickups(session: Session, organisation_id: int, warehouse_id: int, day: date,
                at_wards: bool = False) -> list[RecallPickup]:
    """A depot's pick-ups of the day at homes (or, ``at_wards``, at wards' stock)."""
    ward = Location.ward_id.is_not(None) if at_wards else Location.ward_id.is_(None)
    return list(session.scalars(select(RecallPickup).join(Location, Location.id == RecallPickup.location_id).where(
        RecallPickup.organisation_id == organisation_id, RecallPickup.warehouse_id == warehouse_id,
        RecallPickup.due_on == day, RecallPickup.status == "planned", ward).order_by(RecallPickup.client_id,
                                                                                       RecallPickup.id)))


def collect(uow: UnitOfWork, actor: Any, pickup_ids: list[int], outcome: str) -> None:
    """A stop's collect lines confirmed: ``delivered`` accounts what is still outstanding
    at the home as collected; otherwise the pick-up is missed."""
    with uow:
        pickups = list(uow.session.scalars(select(RecallPickup).where(
            RecallPickup.id.in_(pickup_ids), RecallPickup.status == "planned").order_by(RecallPickup.id)))
        todo = [(p.id, p.recall_id, p.location_id, min(p.units, _outstanding(uow.session, p))) for p in pickups]
    for pickup_id, recall_id, location_id, units in todo:
        if outcome == "delivered" and units > 0:
            recalls.account(uow, actor, recall_id, location_id, {
                "outcome": "collected", "units": units, "note": f"collected on the route (pick-up {pickup_id})"})
        with uow:
            pickup = uow.session.get_one(RecallPickup, pickup_id)
            pickup.status, pickup.done_at = ("done" if outcome == "delivered" else "missed"), utcnow()
            uow.commit()


def _outstanding(session: Session, pickup: RecallPickup) -> int:
    place = session.scalar(select(RecallLocation).where(RecallLocation.recall_id == pickup.recall_id,
                                                        RecallLocation.location_id == pickup.location_id))
    return place.outstanding if place is not None else 0
