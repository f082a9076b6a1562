"""Result-based agreements with their frozen indicators and payment rules."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, ForeignKey, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nutriplat.db import Base, utcnow
from nutriplat.indicators.models.definitions import IndicatorDefinition


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
    # draft → proposed → accepted (lifecycle.py; "active" and "ended" follow from the term)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    # the method: outcomes (aim dimension) → objectives → the agreement's indicators
    outcomes: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON, default=list)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    indicators: Mapped[list[AgreementIndicator]] = relationship(
        order_by="AgreementIndicator.position", cascade="all, delete-orphan", lazy="selectin")
    rules: Mapped[list[PaymentRule]] = relationship(
        order_by="PaymentRule.position", cascade="all, delete-orphan", lazy="selectin")
    versions: Mapped[list[AgreementVersion]] = relationship(
        order_by="AgreementVersion.version", cascade="all, delete-orphan", lazy="selectin")


class AgreementIndicator(Base):
    __tablename__ = "agreement_indicators"
    __table_args__ = (UniqueConstraint("agreement_id", "definition_id",
                                       name="uq_agreement_indicators_agreement_definition"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("outcome_agreements.id"), index=True)
    definition_id: Mapped[int] = mapped_column(ForeignKey("indicator_definitions.id"))
    position: Mapped[int]
    target: Mapped[Decimal | None] = mapped_column(Numeric(14, 4))
    # how it is measured: the instrument, who measures, the data source that counts
    # ("nutriplat" or a cofinancer's source), how often, and the measurement audit rule
    instrument: Mapped[str | None] = mapped_column(String(200))
    measured_by: Mapped[str | None] = mapped_column(String(100))
    data_source: Mapped[str] = mapped_column(String(60), default="nutriplat")
    frequency: Mapped[str | None] = mapped_column(String(10))
    audit_rule: Mapped[dict[str, Any] | None]

    definition: Mapped[IndicatorDefinition] = relationship(lazy="joined")


class PaymentRule(Base):
    __tablename__ = "payment_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("outcome_agreements.id"), index=True)
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(String(30))
    params: Mapped[dict[str, Any]]  # amounts as decimal strings


class AgreementVersion(Base):
    """One version of an agreement's terms (targets and payment rules), in force from a
    period on. Proposed, it is frozen (``terms`` with their SHA-256) and both parties see
    that same document; only an accepted version pays."""

    __tablename__ = "agreement_versions"
    __table_args__ = (UniqueConstraint("agreement_id", "version", name="uq_agreement_versions_agreement_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("outcome_agreements.id"), index=True)
    version: Mapped[int]
    effective_from: Mapped[str] = mapped_column(String(7))  # the first reporting period it settles
    status: Mapped[str] = mapped_column(String(20))  # draft, proposed, accepted
    terms: Mapped[dict[str, Any]]
    checksum: Mapped[str | None] = mapped_column(String(64))  # set when proposed
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    proposed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    proposed_at: Mapped[datetime | None]
    accepted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    accepted_at: Mapped[datetime | None]
