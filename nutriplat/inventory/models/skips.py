"""A delivery day the client (or a mandated caregiver) said no to: an exception to their
delivery schedule, so the nightly reorder never orders for that day again."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nutriplat.db import Base, utcnow


class SkippedDelivery(Base):
    """One client's skipped delivery day; ``cancelled_order_ids`` are the planned orders the
    skip cancelled, planned again when the skip is undone before the cut-off."""

    __tablename__ = "skipped_deliveries"
    __table_args__ = (UniqueConstraint("client_id", "delivery_date", name="uq_skipped_deliveries_client_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    delivery_date: Mapped[date]
    reason: Mapped[str | None] = mapped_column(String(300))
    cancelled_order_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)
    skipped_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    skipped_at: Mapped[datetime] = mapped_column(default=utcnow)
