"""A change to a ward order that came after its cut-off: the crate may be packed, so the
kitchen is asked to act instead of the order being changed silently."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from nutriplat.db import Base, utcnow


class KitchenTask(Base):
    __tablename__ = "kitchen_tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("delivery_orders.id"), index=True)
    ward_id: Mapped[int] = mapped_column(ForeignKey("wards.id"))
    delivery_date: Mapped[date]
    reason: Mapped[str] = mapped_column(String(500))
    # The lines the order would have now (client, variant, meal moment, day, quantity).
    wanted: Mapped[list[Any]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(20), default="open")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
