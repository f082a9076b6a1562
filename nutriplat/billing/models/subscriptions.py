"""Subscriptions with their dated changes, and billable usage (charges)."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nutriplat.db import Base, utcnow

from .prices import MONEY


class Subscription(Base):
    """A client's subscription to a plan from ``start_date``. Its life (pauses, plan
    changes, rentals, cancellation) is the ordered list of changes; ``ends_on`` repeats
    the cancellation date so overlapping subscriptions are found with one query."""

    __tablename__ = "subscriptions"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"))
    start_date: Mapped[date]
    ends_on: Mapped[date | None]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    changes: Mapped[list[SubscriptionChange]] = relationship(
        order_by="SubscriptionChange.effective_on, SubscriptionChange.id", cascade="all, delete-orphan")


class SubscriptionChange(Base):
    __tablename__ = "subscription_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("subscriptions.id"), index=True)
    effective_on: Mapped[date]
    kind: Mapped[str] = mapped_column(String(20))  # pause, resume, cancel, change_plan, set_rental
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plans.id"))
    appliance: Mapped[str | None] = mapped_column(String(40))  # a rental tariff's code
    quantity: Mapped[int | None]
    reason: Mapped[str | None] = mapped_column(String(500))
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)


class Charge(Base):
    """Billable usage beyond the bundle, recorded by whoever confirms it (an extra
    delivery, an add-on). ``package_meal`` rows record meals within the package at no
    charge, for royalties only. A charge is billed once: ``invoice_id`` says where."""

    __tablename__ = "charges"
    __table_args__ = (
        UniqueConstraint("organisation_id", "idempotency_key", name="uq_charges_org_idempotency_key"),
        Index("ix_charges_client_charged_on", "client_id", "charged_on"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("unit_price >= 0", name="price_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    charged_on: Mapped[date]
    kind: Mapped[str] = mapped_column(String(20))  # extra_meal, addon, package_meal
    description: Mapped[str] = mapped_column(String(200))
    dish_id: Mapped[int | None] = mapped_column(ForeignKey("dishes.id"))
    variant_id: Mapped[int | None] = mapped_column(ForeignKey("dish_variants.id"))
    tariff_id: Mapped[int | None] = mapped_column(ForeignKey("tariffs.id"))
    quantity: Mapped[int]
    unit_price: Mapped[Decimal] = mapped_column(MONEY)
    # Set only when an admin departed from the price list, with why.
    price_reason: Mapped[str | None] = mapped_column(String(500))
    source_ref: Mapped[str | None] = mapped_column(String(100))  # e.g. "delivery:123"
    idempotency_key: Mapped[str | None] = mapped_column(String(100))
    invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoices.id"), index=True)
    royalty_entry_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_entries.id"))
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
