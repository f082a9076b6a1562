"""Read functions other areas call (the timeline): a client's delivery orders confirmed
in a period, home orders and the ward crates that carried the client's trays."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine


def confirmed_between(session: Session, client_id: int, start: datetime, end: datetime) -> Sequence[DeliveryOrder]:
    on_a_tray = select(DeliveryOrderLine.order_id).where(DeliveryOrderLine.client_id == client_id)
    return session.scalars(select(DeliveryOrder).where(
        or_(DeliveryOrder.client_id == client_id, DeliveryOrder.id.in_(on_a_tray)),
        DeliveryOrder.confirmed_at.between(start, end)).order_by(DeliveryOrder.confirmed_at, DeliveryOrder.id)).all()
