"""The measurement audit of one indicator for one reporting period: a seeded sample of the
measurements behind it, verified by a second person against the source."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nutriplat.db import Base, utcnow


class MeasurementAudit(Base):
    __tablename__ = "measurement_audits"
    __table_args__ = (UniqueConstraint("agreement_id", "indicator", "period", name="uq_measurement_audits_period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("outcome_agreements.id"), index=True)
    indicator: Mapped[str] = mapped_column(String(60))
    period: Mapped[str] = mapped_column(String(7))
    seed: Mapped[int] = mapped_column(BigInteger)  # the sample follows from it and the population
    population: Mapped[int]  # how many measurements the sample was drawn from
    sample: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # {"kind", "id"} in draw order
    findings: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)  # {"kind", "id", "agrees", "note"}
    agreement_rate: Mapped[Decimal | None] = mapped_column(Numeric(5, 4))
    drawn_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    drawn_at: Mapped[datetime] = mapped_column(default=utcnow)
    verified_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    verified_at: Mapped[datetime | None]
