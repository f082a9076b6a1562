"""Cancelling a client's planned delivery orders when they are not at home to receive them
(the nightly reorder, a status change, a move out of home). Only a ``planned`` order is
cancelled: a picked one is on the van and comes back at the door. The guarded update
raises the version, so a pick of the same order at the same moment fails instead, and
an order cancelled already is left alone (running it again changes nothing). A planned
stop left with nothing to deliver, fetch or collect is dropped from its route: no driver
rings at the door of a client who is in hospital, and the route closes the gap."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.delivery.models import DeliveryOrder, PlannedStop
from nutriplat.delivery.planning.retime import drop_from_route


def cancel_planned(session: Session, actor: Actor, client_id: int, organisation_id: int,
                   order_ids: Iterable[int], reason: str) -> list[int]:
    """Cancel those of ``order_ids`` still planned, with ``reason`` added to their note;
    the ids cancelled now."""
    cancelled = []
    for order_id in order_ids:
        done = session.execute(update(DeliveryOrder).where(
            DeliveryOrder.id == order_id, DeliveryOrder.status == "planned").values(
            status="cancelled", version=DeliveryOrder.version + 1,
            note=case((DeliveryOrder.note.is_(None), reason), else_=DeliveryOrder.note + "; " + reason),
        )).rowcount  # type: ignore[attr-defined]
        if done:
            cancelled.append(order_id)
            audit.record(session, actor, "cancel", "delivery_order", order_id, client_id,
                         detail={"reason": reason}, organisation_id=organisation_id)
    if cancelled:
        drop_emptied_stops(session, actor, client_id, set(cancelled), reason)
    return cancelled


def drop_emptied_stops(session: Session, actor: Actor, client_id: int, cancelled: set[int], reason: str) -> None:
    """Drop the client's unconfirmed stops that carried ``cancelled`` and carry nothing else;
    their routes are timed again without them (``planning.retime``)."""
    stops = session.scalars(select(PlannedStop).where(
        PlannedStop.client_id == client_id, PlannedStop.route_id.is_not(None), PlannedStop.outcome.is_(None))).all()
    for stop in stops:  # read whole first: retiming a route writes other stops meanwhile
        if not cancelled & set(stop.order_ids) or stop.task_ids or stop.pickup_ids:
            continue
        if not session.scalar(select(func.count()).where(DeliveryOrder.id.in_(stop.order_ids),
                                                         DeliveryOrder.status != "cancelled")):
            drop_from_route(session, actor, stop, f"nothing left to deliver: {reason}")
