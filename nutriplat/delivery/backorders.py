"""Back-orders: the units of a home order the warehouse was short of when it was picked.
The rest of the order still goes out (a client with half a delivery eats; a client whose
whole stop was refused does not). The missing units follow on their own planned order,
which picking and the nightly reorder see like any other (counted as on its way, so
nothing is ordered twice), on the first day open for delivery on or after the units are
at the warehouse: stock there nobody claimed, else the approved or sent purchase order
that completes them (``domain.backorder``). Units nothing on its way covers are not
planned for a day they cannot come: the order's note says so, for logistics to buy them."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nutriplat.clock import business_today, local_now
from nutriplat.delivery.domain.backorder import arrival_day, first_delivery_day
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine
from nutriplat.inventory.access import Product
from nutriplat.inventory.locations import rule_of
from nutriplat.inventory.models import DeliverySchedule
from nutriplat.inventory.purchasing.incoming import incoming, on_hand
from nutriplat.inventory.skipped_days import skipped_days

Short = tuple[DeliveryOrderLine, int]  # (line, units missing)


def back_order(session: Session, order: DeliveryOrder, short: Sequence[Short]) -> list[DeliveryOrder]:
    """Planned orders for the ``short`` units of ``order``'s lines, one per delivery day."""
    if not short:
        return []
    days: dict[date, list[Short]] = defaultdict(list)
    uncovered: list[Short] = []
    after, today, warehouse = order.delivery_date + timedelta(days=1), business_today(), order.warehouse_id
    on_way, claimed = incoming(session, {warehouse}), _claimed(session, warehouse)
    # The units this order just took are still on the warehouse's balance (their moves are written after).
    taken = Counter[Product]()
    for line in order.lines:
        taken[(line.dish_id, line.texture)] += line.quantity
    for line, missing in short:
        product = (line.dish_id, line.texture)
        there = on_hand(session, {warehouse}, max(filter(None, (line.use_by, after)))).get((warehouse, product), 0)
        arrival = arrival_day(missing, claimed[product], max(there - taken[product], 0),
                              on_way.get((warehouse, product), ()), today)
        if arrival is None:
            uncovered.append((line, missing))
            continue
        claimed[product] += missing  # the next line of the product comes after these units
        days[next_open_day(session, order, not_before=arrival)].append((line, missing))
    planned = [_planned(session, order, day, lines) for day, lines in sorted(days.items())]
    notes = [f"{sum(n for _, n in lines)} units on a back-order for {day.isoformat()}"
             for day, lines in sorted(days.items())]
    notes += [f"{missing} units of variant {line.variant_id} not back-ordered: no stock at the warehouse "
              "or on an approved purchase order covers them" for line, missing in uncovered]
    order.note = "; ".join(filter(None, [order.note, f"short at the warehouse: {'; '.join(notes)}"]))[:2000]
    return planned


def _planned(session: Session, order: DeliveryOrder, day: date, short: list[Short]) -> DeliveryOrder:
    rest = DeliveryOrder(
        organisation_id=order.organisation_id, client_id=order.client_id, delivery_date=day, status="planned",
        origin="backorder", warehouse_id=order.warehouse_id, created_by=order.created_by,
        covers_until=order.covers_until, note=f"back-order of order {order.id}: short at the warehouse",
        lines=[DeliveryOrderLine(variant_id=line.variant_id, dish_id=line.dish_id, texture=line.texture,
                                 quantity=missing, use_by=max(filter(None, (line.use_by, day))))
               for line, missing in short])
    session.add(rest)
    return rest


def next_open_day(session: Session, order: DeliveryOrder, not_before: date | None = None) -> date:
    """The client's first day after ``order``'s (and not before ``not_before``, the day units
    arrive) that a delivery can still be ordered for (its schedule's cut-off; any weekday: units
    already in stock need no regular slot) and that the client has not skipped."""
    day = first_delivery_day(not_before or order.delivery_date, order.delivery_date + timedelta(days=1),
                             _earliest_open(session, order.client_id, order.delivery_date + timedelta(days=1)))
    skipped = skipped_days(session, [order.client_id], day).get(order.client_id, frozenset())
    while day in skipped:
        day += timedelta(days=1)
    return day


def _earliest_open(session: Session, client_id: int | None, after: date) -> date:
    schedule = session.scalar(select(DeliverySchedule).where(DeliverySchedule.client_id == client_id))
    return after if schedule is None else rule_of(schedule).earliest_delivery(local_now().replace(tzinfo=None))


def _claimed(session: Session, warehouse_id: int) -> Counter[Product]:
    """Units per product the planned back-orders from the warehouse wait for."""
    rows = session.execute(
        select(DeliveryOrderLine.dish_id, DeliveryOrderLine.texture, func.sum(DeliveryOrderLine.quantity))
        .join(DeliveryOrder, DeliveryOrder.id == DeliveryOrderLine.order_id)
        .where(DeliveryOrder.warehouse_id == warehouse_id, DeliveryOrder.origin == "backorder",
               DeliveryOrder.status == "planned")
        .group_by(DeliveryOrderLine.dish_id, DeliveryOrderLine.texture))
    return Counter({(dish, texture): int(n) for dish, texture, n in rows})
