"""The short periodic staff survey (dietitians, drivers, kitchen) behind the staff-wellbeing
aim. Only aggregates with small-cell suppression ever leave the service."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, ForeignKey, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nutriplat.db import Base, utcnow


class StaffSurveyResponse(Base):
    __tablename__ = "staff_survey_responses"
    __table_args__ = (UniqueConstraint("organisation_id", "period", "user_id", name="uq_staff_survey_responses_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    period: Mapped[str] = mapped_column(String(7))  # the quarter, e.g. 2026Q4
    staff_group: Mapped[str] = mapped_column(String(20))  # dietitian, driver, kitchen
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))  # once per quarter; never shown
    answers: Mapped[dict[str, Any]]
    questionnaire_version: Mapped[int] = mapped_column(default=1, server_default="1")  # the questions answered
    score: Mapped[Decimal] = mapped_column(Numeric(4, 2))  # mean of the answers, 1–5
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)


class StaffSurveyQuestionnaire(Base):
    """A provider's version of the survey's questions, asked from a quarter on (the built-in
    five are version 1, ``staff_questions.BUILT_IN``). A stored version never changes."""

    __tablename__ = "staff_survey_questionnaires"
    __table_args__ = (UniqueConstraint("organisation_id", "version", name="uq_staff_survey_questionnaires_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    version: Mapped[int]
    effective_from: Mapped[str] = mapped_column(String(6))  # a quarter, e.g. 2027Q1
    questions: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # {"code", "en", "nl"} in order
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
