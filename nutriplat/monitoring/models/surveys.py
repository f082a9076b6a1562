"""Patient-reported experience surveys."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nutriplat.db import Base, utcnow


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
