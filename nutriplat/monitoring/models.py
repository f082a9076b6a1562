"""Early-warning alerts and the cases that gather them, personal goals with their progress, and experience surveys."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

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


class ClientThreshold(Base):
    """A rule parameter set for one client by their dietitian, with the reason
    (``rules/thresholds.py``): the rules read it instead of the default."""

    __tablename__ = "client_thresholds"
    __table_args__ = (UniqueConstraint("client_id", "parameter", name="uq_client_thresholds_client_parameter"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    parameter: Mapped[str] = mapped_column(String(40))
    value: Mapped[float]
    reason: Mapped[str] = mapped_column(String(500))
    set_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    set_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Goal(Base):
    """A personal goal set with the client: a measurable criterion over a period."""

    __tablename__ = "goals"
    __table_args__ = (Index("ix_goals_status_ends_on", "status", "ends_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    domain: Mapped[str] = mapped_column(String(20))  # nutrition, activity, social_contact
    description: Mapped[str] = mapped_column(String(300))
    metric: Mapped[str] = mapped_column(String(30))
    direction: Mapped[str] = mapped_column(String(10))  # at_least, at_most
    target: Mapped[float]
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    coins: Mapped[int]
    status: Mapped[str] = mapped_column(String(20), default="active")
    progress_value: Mapped[float | None]
    met_on: Mapped[date | None]
    closed_on: Mapped[date | None]
    set_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    progress: Mapped[list[GoalProgress]] = relationship(
        order_by="GoalProgress.recorded_on, GoalProgress.id", cascade="all, delete-orphan", lazy="selectin")


class GoalProgress(Base):
    """A reported step towards a goal (e.g. a walk, a visit), for counted metrics."""

    __tablename__ = "goal_progress"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id"), index=True)
    recorded_on: Mapped[date]
    value: Mapped[float]
    note: Mapped[str | None] = mapped_column(String(500))
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)


class ExperienceSurvey(Base):
    """A short patient-reported experience survey, one per client and period."""

    __tablename__ = "experience_surveys"
    __table_args__ = (UniqueConstraint("client_id", "period", name="uq_experience_surveys_client_period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    period: Mapped[str] = mapped_column(String(7))
    period_start: Mapped[date]
    period_end: Mapped[date]
    answered_on: Mapped[date]
    respondent: Mapped[str] = mapped_column(String(20))  # client, caregiver
    answers: Mapped[dict[str, Any]]
    mean_score: Mapped[Decimal] = mapped_column(Numeric(3, 2))
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
