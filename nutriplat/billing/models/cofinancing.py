"""Segments of clients, the billing attributes that define them, and what cofinancers
pay for a segment: a share of subscriptions, or funded vouchers within a budget."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nutriplat.db import Base, utcnow

from .prices import MONEY


class Segment(Base):
    """Clients who hold every one of ``attributes`` (e.g. living_alone + low_income)."""

    __tablename__ = "segments"
    __table_args__ = (UniqueConstraint("organisation_id", "code", name="uq_segments_organisation_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    attributes: Mapped[list[str]]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ClientBillingAttribute(Base):
    """A fact about a client that billing segments on, valid for a period
    (increased-reimbursement status, living alone, low income)."""

    __tablename__ = "client_billing_attributes"
    __table_args__ = (Index("ix_client_billing_attributes_client_attribute", "client_id", "attribute"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    attribute: Mapped[str] = mapped_column(String(40))
    valid_from: Mapped[date]
    valid_until: Mapped[date | None]  # inclusive; None: until further notice
    note: Mapped[str | None] = mapped_column(String(500))
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)


class CofinancingAgreement(Base):
    """A cofinancer pays ``share_value`` (percent, or euros per client-month) of the
    subscriptions of a segment's members."""

    __tablename__ = "cofinancing_agreements"
    __table_args__ = (CheckConstraint("share_value >= 0", name="share_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    cofinancer_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segments.id"))
    name: Mapped[str] = mapped_column(String(200))
    share_kind: Mapped[str] = mapped_column(String(20))  # "percentage" or "fixed"
    share_value: Mapped[Decimal] = mapped_column(MONEY)
    valid_from: Mapped[date]
    valid_until: Mapped[date | None]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class VoucherProgramme(Base):
    """Discount vouchers a cofinancer funds for a segment. ``committed`` (the value of
    the vouchers issued) can never pass ``budget_cap``: the database refuses it too."""

    __tablename__ = "voucher_programmes"
    __table_args__ = (
        CheckConstraint("committed >= 0 AND committed <= budget_cap", name="within_budget"),
        CheckConstraint("redeemed >= 0 AND redeemed <= committed", name="redeemed_within_committed"),
        CheckConstraint("voucher_value > 0", name="value_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    cofinancer_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segments.id"))
    name: Mapped[str] = mapped_column(String(200))
    voucher_value: Mapped[Decimal] = mapped_column(MONEY)
    valid_from: Mapped[date]
    valid_until: Mapped[date]
    budget_cap: Mapped[Decimal] = mapped_column(MONEY)
    committed: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0.00"))
    redeemed: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0.00"))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Voucher(Base):
    """One voucher for one client, redeemed on the first invoice of a month within its
    validity that leaves something to pay."""

    __tablename__ = "vouchers"
    __table_args__ = (
        CheckConstraint("redeemed_amount IS NULL OR (redeemed_amount > 0 AND redeemed_amount <= value)",
                        name="redeemed_within_value"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("voucher_programmes.id"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    value: Mapped[Decimal] = mapped_column(MONEY)
    valid_from: Mapped[date]
    valid_until: Mapped[date]
    issued_on: Mapped[date]
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    redeemed_amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoices.id"))
