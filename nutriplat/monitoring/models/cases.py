"""Early-warning cases (one per client while open or snoozed) and their history."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nutriplat.db import Base, utcnow


class Case(Base):
    """A client's open signals gathered into one case with a risk score
    (``domain/risk.py``). One case per client while open or snoozed: ``open_key`` is
    unique and cleared when the case is resolved. ``signals`` are the contributions."""

    __tablename__ = "cases"
    __table_args__ = (Index("ix_cases_organisation_status", "organisation_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="open")  # open, snoozed, resolved
    open_key: Mapped[str | None] = mapped_column(String(40), unique=True)
    dietitian_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    risk_score: Mapped[int]
    severity: Mapped[str] = mapped_column(String(10))
    signals: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(String(500))
    suggested_action: Mapped[str] = mapped_column(String(20))
    scoring_version: Mapped[str] = mapped_column(String(20))
    opened_on: Mapped[date]
    snoozed_until: Mapped[date | None]
    snooze_reason: Mapped[str | None] = mapped_column(String(500))
    resolved_on: Mapped[date | None]
    resolved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    outcome: Mapped[str | None] = mapped_column(String(20))  # action_taken, no_action_needed, false_alarm
    outcome_note: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    history: Mapped[list[CaseChange]] = relationship(
        order_by="CaseChange.id", cascade="all, delete-orphan", lazy="selectin")


class CaseChange(Base):
    """One line of a case's history: what changed, on which day, and why."""

    __tablename__ = "case_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    day: Mapped[date]
    change: Mapped[str] = mapped_column(String(20))  # opened, rescored, woken, snoozed, resolved, closed
    risk_score: Mapped[int]
    severity: Mapped[str] = mapped_column(String(10))
    why: Mapped[str] = mapped_column(String(500))
    changed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
