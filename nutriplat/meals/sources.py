"""Where each planned dish comes from: a ward order's line (a facility's resident), the
last home delivery that brought it (a client at home), or the facility's own kitchen."""
from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine
from nutriplat.mealplans.approved import PlannedDish

WardLineKey = tuple[int | None, date | None, str | None, int]  # client, day, meal moment, variant


def ward_order_lines(session: Session, client_ids: Collection[int], day: date) -> dict[WardLineKey, int]:
    """The ward order (its id) carrying each resident's dish of ``day``, cancelled orders aside."""
    rows = session.execute(
        select(DeliveryOrderLine.client_id, DeliveryOrderLine.served_on, DeliveryOrderLine.meal_moment,
               DeliveryOrderLine.variant_id, DeliveryOrder.id)
        .join(DeliveryOrder, DeliveryOrder.id == DeliveryOrderLine.order_id)
        .where(DeliveryOrderLine.client_id.in_(client_ids), DeliveryOrderLine.served_on == day,
               DeliveryOrder.ward_id.is_not(None), DeliveryOrder.status != "cancelled"))
    return {(r[0], r[1], r[2], r[3]): r[4] for r in rows}


def home_order_of(session: Session, client_id: int, variant_id: int, day: date) -> int | None:
    """The last home order on or before ``day`` that brought the variant (not cancelled)."""
    return session.scalar(
        select(DeliveryOrder.id).join(DeliveryOrderLine, DeliveryOrderLine.order_id == DeliveryOrder.id)
        .where(DeliveryOrder.client_id == client_id, DeliveryOrder.delivery_date <= day,
               DeliveryOrder.status != "cancelled", DeliveryOrderLine.variant_id == variant_id)
        .order_by(DeliveryOrder.delivery_date.desc(), DeliveryOrder.id.desc()).limit(1))


def source_of(session: Session, care_setting: str, dish: PlannedDish,
              ward_lines: dict[WardLineKey, int]) -> tuple[str, int | None]:
    if care_setting == "home":
        return "home_stock", home_order_of(session, dish.client_id, dish.variant.id, dish.day)
    order_id = ward_lines.get((dish.client_id, dish.day, dish.meal_moment, dish.variant.id))
    return ("ward_order", order_id) if order_id is not None else ("hospital_kitchen", None)
