"""Stored screenings, GLIM assessments and target overrides. A stored result never
changes: a correction is a new row that names the row it corrects."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Index, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from nutriplat.db import Base, utcnow


class Screening(Base):
    __tablename__ = "screenings"
    __table_args__ = (Index("ix_screenings_client_performed", "client_id", "performed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    instrument: Mapped[str] = mapped_column(String(20))
    instrument_version: Mapped[str] = mapped_column(String(40))
    answers: Mapped[dict[str, Any]]  # as given by the caller
    derived: Mapped[dict[str, Any]]  # what the service filled in, and from which measurements
    components: Mapped[dict[str, Any]]
    details: Mapped[dict[str, Any] | None]
    total_score: Mapped[int | None]
    risk: Mapped[str] = mapped_column(String(40))
    care_setting: Mapped[str | None] = mapped_column(String(20))
    performed_at: Mapped[datetime]
    performed_on: Mapped[date]  # the Brussels business date of performed_at
    performed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    next_due: Mapped[date] = mapped_column(index=True)
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("screenings.id"))
    correction_reason: Mapped[str | None] = mapped_column(String(500))  # why, when correcting
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)


class Assessment(Base):
    """A diagnosis (GLIM) with the criteria met."""

    __tablename__ = "assessments"
    __table_args__ = (Index("ix_assessments_client_assessed", "client_id", "assessed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    method: Mapped[str] = mapped_column(String(20))
    method_version: Mapped[str] = mapped_column(String(40))
    answers: Mapped[dict[str, Any]]
    derived: Mapped[dict[str, Any]]
    malnourished: Mapped[bool]
    stage: Mapped[int | None]
    phenotypic: Mapped[list[str]]
    etiologic: Mapped[list[str]]
    assessed_at: Mapped[datetime]
    assessed_on: Mapped[date]
    performed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("assessments.id"))
    correction_reason: Mapped[str | None] = mapped_column(String(500))  # why, when correcting
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)


class TargetOverride(Base):
    """A dietitian's override of one computed target, with a reason and validity."""

    __tablename__ = "target_overrides"
    __table_args__ = (Index("ix_target_overrides_client_target", "client_id", "target"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    target: Mapped[str] = mapped_column(String(20))  # energy_kcal, protein_g, fluid_ml
    value: Mapped[Decimal] = mapped_column(Numeric(8, 1))
    reason: Mapped[str] = mapped_column(String(500))
    valid_from: Mapped[date]
    valid_until: Mapped[date | None]
    set_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    set_at: Mapped[datetime] = mapped_column(default=utcnow)


class CarePlanMark(Base):
    """Whether the client needs a nutritional care plan and why; one row per client,
    kept current by every screening and assessment (read by alerts and indicators)."""

    __tablename__ = "care_plan_marks"

    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), primary_key=True)
    needed: Mapped[bool]
    cause: Mapped[str | None] = mapped_column(String(500))
    since: Mapped[date | None]
    screening_id: Mapped[int | None] = mapped_column(ForeignKey("screenings.id"))
    assessment_id: Mapped[int | None] = mapped_column(ForeignKey("assessments.id"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
