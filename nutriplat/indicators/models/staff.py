"""The short periodic staff survey (dietitians, drivers, kitchen) behind the staff-wellbeing
aim. Only aggregates with small-cell suppression ever leave the service."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Numeric, String, UniqueConstraint
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
    score: Mapped[Decimal] = mapped_column(Numeric(4, 2))  # mean of the answers, 1–5
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)
