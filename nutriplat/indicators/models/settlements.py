"""Issued settlement statements and the monthly indicator snapshots they are computed from."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, ForeignKey, Numeric, String, UniqueConstraint, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nutriplat.billing.models import Invoice
from nutriplat.db import Base, utcnow


class Settlement(Base):
    """An issued statement with the data snapshot it was computed from. Never updated."""

    __tablename__ = "settlements"
    __table_args__ = (UniqueConstraint("agreement_id", "period", name="uq_settlements_agreement_period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("outcome_agreements.id"), index=True)
    period: Mapped[str] = mapped_column(String(7))
    period_start: Mapped[date]
    period_end: Mapped[date]
    status: Mapped[str] = mapped_column(String(20), default="issued")
    statement: Mapped[dict[str, Any]]
    total: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    snapshot: Mapped[dict[str, Any]]
    checksum: Mapped[str] = mapped_column(String(64))  # SHA-256 of the canonical snapshot
    version: Mapped[int | None]  # the agreement version it settles under
    invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoices.id"))  # the document to the cofinancer
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)

    invoice: Mapped[Invoice | None] = relationship(lazy="joined")


@event.listens_for(Settlement, "before_update")
def _issued_never_changes(_mapper: Any, _connection: Any, target: Settlement) -> None:
    raise ValueError(f"Settlement {target.id} is issued and never changes.")


class IndicatorSnapshot(Base):
    """The suppressed report rows of one agreement for one closed reporting period, made
    once (by the monthly ``indicator-snapshot`` job or the first request) and served ever
    after: the cohort is fixed then, so no later report of the period differs by a person."""

    __tablename__ = "indicator_snapshots"
    __table_args__ = (
        UniqueConstraint("agreement_id", "period", name="uq_indicator_snapshots_agreement_period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("outcome_agreements.id"), index=True)
    period: Mapped[str] = mapped_column(String(7))
    rows: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    cohort_clients: Mapped[int | None]  # None: made before periods were frozen; made again
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)
