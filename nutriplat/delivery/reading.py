"""Read functions other areas call (the timeline): a client's delivery orders confirmed
in a period, home orders and the ward crates that carried the client's trays, and what
the client refused of their tray at a ward's stop."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from nutriplat.catalogue.models import DishVariant
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine, TrayRefusal


def confirmed_between(session: Session, client_id: int, start: datetime, end: datetime) -> Sequence[DeliveryOrder]:
    on_a_tray = select(DeliveryOrderLine.order_id).where(DeliveryOrderLine.client_id == client_id)
    return session.scalars(select(DeliveryOrder).where(
        or_(DeliveryOrder.client_id == client_id, DeliveryOrder.id.in_(on_a_tray)),
        DeliveryOrder.confirmed_at.between(start, end)).order_by(DeliveryOrder.confirmed_at, DeliveryOrder.id)).all()


def tray_refusals_between(session: Session, client_id: int, start: datetime, end: datetime
                          ) -> list[tuple[TrayRefusal, str]]:
    """The client's refusals at a ward's stop recorded in the period, with the dish's name."""
    return [(refusal, name) for refusal, name in session.execute(
        select(TrayRefusal, DishVariant.name).join(DishVariant, DishVariant.id == TrayRefusal.variant_id)
        .where(TrayRefusal.client_id == client_id, TrayRefusal.recorded_at.between(start, end))
        .order_by(TrayRefusal.recorded_at, TrayRefusal.id))]
