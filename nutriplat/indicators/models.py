"""Indicator definitions (versioned data), result-based agreements with their frozen
indicators and payment rules, issued settlement statements and monthly snapshots."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, ForeignKey, Numeric, String, Text, UniqueConstraint, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nutriplat.db import Base, utcnow


class IndicatorDefinition(Base):
    """One version of an indicator; a stored version is never edited."""

    __tablename__ = "indicator_definitions"
    __table_args__ = (UniqueConstraint("code", "version", name="uq_indicator_definitions_code_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60))
    version: Mapped[int]
    name: Mapped[str] = mapped_column(String(200))
    definition: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(20))
    dimension: Mapped[str] = mapped_column(String(20))  # triple aim: health, experience, cost
    numerator: Mapped[dict[str, Any]]
    denominator: Mapped[dict[str, Any]]
    multiplier: Mapped[str] = mapped_column(String(20))  # a decimal, kept exact
    unit: Mapped[str] = mapped_column(String(40))
    decimals: Mapped[int]
    higher_is_better: Mapped[bool]
    period_type: Mapped[str] = mapped_column(String(10))
    disaggregations: Mapped[list[str]]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Agreement(Base):
    """A result-based agreement between a provider and a cofinancer."""

    __tablename__ = "outcome_agreements"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    cofinancer_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    cohort: Mapped[dict[str, Any]]  # filters over the provider's clients (cohort.py)
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    baseline_period: Mapped[str] = mapped_column(String(7))
    settlement_period: Mapped[str] = mapped_column(String(10))  # month, quarter or year
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    indicators: Mapped[list[AgreementIndicator]] = relationship(
        order_by="AgreementIndicator.position", cascade="all, delete-orphan", lazy="selectin")
    rules: Mapped[list[PaymentRule]] = relationship(
        order_by="PaymentRule.position", cascade="all, delete-orphan", lazy="selectin")


class AgreementIndicator(Base):
    __tablename__ = "agreement_indicators"
    __table_args__ = (UniqueConstraint("agreement_id", "definition_id",
                                       name="uq_agreement_indicators_agreement_definition"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("outcome_agreements.id"), index=True)
    definition_id: Mapped[int] = mapped_column(ForeignKey("indicator_definitions.id"))
    position: Mapped[int]
    target: Mapped[Decimal | None] = mapped_column(Numeric(14, 4))

    definition: Mapped[IndicatorDefinition] = relationship(lazy="joined")


class PaymentRule(Base):
    __tablename__ = "payment_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("outcome_agreements.id"), index=True)
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(String(30))
    params: Mapped[dict[str, Any]]  # amounts as decimal strings


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
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)


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
