"""Back-orders: the units of a home order the warehouse was short of when it was picked.
The rest of the order still goes out (a client with half a delivery eats; a client whose
whole stop was refused does not); the missing units follow on the client's first day
open for delivery after it, as their own planned order that picking and the nightly
reorder see like any other (counted as on its way, so nothing is ordered twice)."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.clock import local_now
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine
from nutriplat.inventory.locations import rule_of
from nutriplat.inventory.models import DeliverySchedule
from nutriplat.inventory.skipped_days import skipped_days


def back_order(session: Session, order: DeliveryOrder, short: Sequence[tuple[DeliveryOrderLine, int]]
               ) -> DeliveryOrder | None:
    """A planned order for the ``short`` units of ``order``'s lines (line, units missing)."""
    if not short:
        return None
    day = next_open_day(session, order)
    rest = DeliveryOrder(
        organisation_id=order.organisation_id, client_id=order.client_id, delivery_date=day, status="planned",
        origin="backorder", warehouse_id=order.warehouse_id, created_by=order.created_by,
        covers_until=order.covers_until, note=f"back-order of order {order.id}: short at the warehouse",
        lines=[DeliveryOrderLine(variant_id=line.variant_id, dish_id=line.dish_id, texture=line.texture,
                                 quantity=missing, use_by=max(filter(None, (line.use_by, day))))
               for line, missing in short])
    session.add(rest)
    order.note = "; ".join(filter(None, [order.note, f"short at the warehouse: {sum(n for _, n in short)} units "
                                                     f"on a back-order for {day.isoformat()}"]))[:2000]
    return rest


def next_open_day(session: Session, order: DeliveryOrder) -> date:
    """The client's first day after ``order``'s that a delivery can still be ordered for (its
    schedule's cut-off; any weekday: units already in stock need no regular slot) and that
    the client has not skipped."""
    day = order.delivery_date + timedelta(days=1)
    schedule = session.scalar(select(DeliverySchedule).where(DeliverySchedule.client_id == order.client_id))
    if schedule is not None:
        day = max(day, rule_of(schedule).earliest_delivery(local_now().replace(tzinfo=None)))
    skipped = skipped_days(session, [order.client_id], day).get(order.client_id, frozenset())
    while day in skipped:
        day += timedelta(days=1)
    return day
