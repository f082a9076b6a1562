"""Read functions other areas call (the timeline): a client's delivery orders confirmed
in a period."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.delivery.models import DeliveryOrder


def confirmed_between(session: Session, client_id: int, start: datetime, end: datetime) -> Sequence[DeliveryOrder]:
    return session.scalars(select(DeliveryOrder).where(
        DeliveryOrder.client_id == client_id, DeliveryOrder.confirmed_at.between(start, end))).all()
