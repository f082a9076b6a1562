"""Early-warning alerts: one per client and rule while open or acknowledged."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from nutriplat.db import Base, utcnow


class Alert(Base):
    """One warning per client and rule while it is open or acknowledged: a new finding of
    the same rule is merged into it. ``open_key`` is unique, and cleared on resolution,
    so the database itself refuses a second open alert (also under concurrent events)."""

    __tablename__ = "alerts"
    __table_args__ = (Index("ix_alerts_organisation_status", "organisation_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    rule: Mapped[str] = mapped_column(String(40))
    severity: Mapped[str] = mapped_column(String(10))
    cause: Mapped[str] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(20), default="open")
    open_key: Mapped[str | None] = mapped_column(String(80), unique=True)
    dietitian_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    evidence_from: Mapped[date]  # the first day whose data raised it
    first_detected_on: Mapped[date]
    last_detected_on: Mapped[date]
    occurrences: Mapped[int] = mapped_column(default=1)
    detail: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    resolved_at: Mapped[datetime | None]
    resolved_on: Mapped[date | None]
    resolved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str | None] = mapped_column(String(500))
