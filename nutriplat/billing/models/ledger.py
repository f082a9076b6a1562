"""The organisations' ledger (commissions, fund contributions, royalties, cofinancing)
and the rules that feed it: referral schemes and licensed products."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from nutriplat.db import Base, utcnow

from .prices import MONEY


class LedgerEntry(Base):
    """One amount on an organisation's monthly statement. ``payable``: the provider owes
    it (commission, contribution, royalty); ``receivable``: the organisation owes it
    (a cofinancer's share). Entries are only added; a clawback is a negative entry.
    ``source_key`` names what the entry is for, once."""

    __tablename__ = "ledger_entries"
    __table_args__ = (Index("ix_ledger_entries_beneficiary_month", "beneficiary_id", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))  # the provider
    beneficiary_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    kind: Mapped[str] = mapped_column(String(30))
    direction: Mapped[str] = mapped_column(String(10))
    month: Mapped[str] = mapped_column(String(7))
    amount: Mapped[Decimal] = mapped_column(MONEY)
    quantity: Mapped[int] = mapped_column(default=1)  # clients or units it covers
    description: Mapped[str] = mapped_column(String(300))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id"))  # never shown to a cofinancer
    earned_on: Mapped[date | None]
    source_key: Mapped[str] = mapped_column(String(120), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ReferralScheme(Base):
    """What a referrer earns per new client, and what goes to the fund per new client.
    ``referrer_id`` None: the scheme for every referrer without one of its own."""

    __tablename__ = "referral_schemes"
    __table_args__ = (
        CheckConstraint("commission_amount IS NULL OR commission_amount >= 0", name="amount_not_negative"),
        CheckConstraint("fund_contribution >= 0", name="contribution_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    name: Mapped[str] = mapped_column(String(200))
    referrer_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    commission_kind: Mapped[str] = mapped_column(String(20))  # "fixed" or "percentage"
    commission_amount: Mapped[Decimal | None] = mapped_column(MONEY)
    commission_percentage: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    commission_months: Mapped[int | None]
    qualifying_days: Mapped[int]
    fund_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    fund_contribution: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0.00"))
    valid_from: Mapped[date]
    valid_until: Mapped[date | None]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class LicensedProduct(Base):
    """A licensed dish: every unit charged or delivered earns the fund a royalty."""

    __tablename__ = "licensed_products"
    __table_args__ = (CheckConstraint("royalty_per_unit >= 0", name="royalty_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    dish_id: Mapped[int] = mapped_column(ForeignKey("dishes.id"))
    fund_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    royalty_per_unit: Mapped[Decimal] = mapped_column(MONEY)
    valid_from: Mapped[date]
    valid_until: Mapped[date | None]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
