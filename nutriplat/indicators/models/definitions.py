"""Indicator definitions: versioned data, a stored version never edited."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nutriplat.db import Base, utcnow


class IndicatorDefinition(Base):
    """One version of an indicator; a stored version is never edited."""

    __tablename__ = "indicator_definitions"
    __table_args__ = (UniqueConstraint("code", "version", name="uq_indicator_definitions_code_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # None: built in, offered to every provider; else added by this provider's admin
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    code: Mapped[str] = mapped_column(String(60))
    version: Mapped[int]
    name: Mapped[str] = mapped_column(String(200))
    definition: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(20))
    dimension: Mapped[str] = mapped_column(String(20))  # aim: health, experience, cost, staff_wellbeing, equity
    numerator: Mapped[dict[str, Any]]
    denominator: Mapped[dict[str, Any]]
    multiplier: Mapped[str] = mapped_column(String(20))  # a decimal, kept exact
    unit: Mapped[str] = mapped_column(String(40))
    decimals: Mapped[int]
    higher_is_better: Mapped[bool]
    period_type: Mapped[str] = mapped_column(String(10))
    disaggregations: Mapped[list[str]]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
