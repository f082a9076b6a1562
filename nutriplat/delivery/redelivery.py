"""A redelivery after "not home" (issue 20): when the driver finds nobody home, the
order's units go back to the depot with the van (chilled and frozen food does not stay in
a van overnight) and a planned order brings them on the client's next open delivery day,
so the client is not left without the meals the missed delivery carried. The route
planning of that day puts it on the client's stop like any other order; the manifest and
the client's deliveries name it a redelivery and the day it was missed.

Once per missed order (a unique ``redelivery_of_id``: confirming twice, or two
dispatchers at once, make one). A miss told later than the day after it (a round entered
days afterwards) is not redelivered: its meals were for days gone by. A redelivery that finds nobody home again is not
redelivered: two missed deliveries in a row raise monitoring's ``deliveries_missed``
alert to the client's dietitian instead of sending the van round in circles."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.models import Client
from nutriplat.clock import business_today
from nutriplat.delivery.backorders import next_open_day
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine
from nutriplat.delivery.orders import RESOURCE

REDELIVERY = "redelivery"  # the origin of a redelivery order
LATE = timedelta(days=1)  # a miss confirmed later than the day after it is not redelivered


def redeliver(session: Session, actor: Actor, order: DeliveryOrder, client: Client) -> DeliveryOrder | None:
    """The redelivery of ``order`` (just confirmed ``not_home``), made once; None when there
    is none to make: a redelivery missed again, a client no longer at home, nothing on it."""
    if order.redelivery_of_id is not None or order.ward_id is not None or not order.lines:
        return None
    if business_today() > order.delivery_date + LATE:
        return None  # told late: the meals it carried are days past; the nightly reorder plans from the real stock
    if client.status != "active" or client.care_setting != "home":
        return None  # leaving home cancels deliveries (delivery.handlers); none is made again
    made = session.scalar(select(DeliveryOrder).where(DeliveryOrder.redelivery_of_id == order.id))
    if made is not None:
        return made
    day = next_open_day(session, order)
    again = DeliveryOrder(
        organisation_id=order.organisation_id, client_id=order.client_id, delivery_date=day, status="planned",
        origin=REDELIVERY, redelivery_of_id=order.id, warehouse_id=order.warehouse_id, created_by=actor.user_id,
        covers_until=order.covers_until,
        note=f"redelivery of order {order.id}: nobody home on {order.delivery_date.isoformat()}",
        lines=_lines_again(order.lines, day))
    session.add(again)
    session.flush()
    order.note = "; ".join(filter(None, [order.note, f"nobody home: redelivered on {day.isoformat()} "
                                                     f"(order {again.id})"]))[:2000]
    audit.record(session, actor, "create", RESOURCE, again.id, client.id,
                 detail={"delivery_date": day.isoformat(), "origin": REDELIVERY, "redelivery_of": order.id},
                 organisation_id=client.organisation_id)
    return again


def _lines_again(lines: list[DeliveryOrderLine], day: date) -> list[DeliveryOrderLine]:
    """One line per variant (a picked line taken from several lots is one line per lot; the
    redelivery picks its lots afresh, first expiry first out), lasting at least until ``day``."""
    again: dict[int, DeliveryOrderLine] = {}
    for line in lines:
        same = again.get(line.variant_id)
        if same is None:
            again[line.variant_id] = DeliveryOrderLine(
                variant_id=line.variant_id, dish_id=line.dish_id, texture=line.texture, quantity=line.quantity,
                use_by=max(filter(None, (line.use_by, day))))
        else:
            same.quantity += line.quantity
            same.use_by = max(filter(None, (same.use_by, line.use_by)))
    return list(again.values())


def redeliveries_among(session: Session, order_ids: list[int]) -> dict[int, dict[str, Any]]:
    """The redeliveries among ``order_ids``: each with the order it brings again and the day
    nobody was home (what the manifest tells the driver)."""
    missed = aliased(DeliveryOrder)
    return {again: {"order_id": again, "redelivery_of": of, "missed_on": day} for again, of, day in session.execute(
        select(DeliveryOrder.id, missed.id, missed.delivery_date)
        .join(missed, missed.id == DeliveryOrder.redelivery_of_id).where(DeliveryOrder.id.in_(order_ids)))}
