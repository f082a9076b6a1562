"""Cancelling a client's planned delivery orders when they are not at home to receive them
(the nightly reorder, a status change, a move out of home). Only a ``planned`` order is
cancelled: a picked one is on the van and comes back at the door. The guarded update
raises the version, so a pick of the same order at the same moment fails instead, and
an order cancelled already is left alone (running it again changes nothing)."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import case, update
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.delivery.models import DeliveryOrder


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
    return cancelled
