"""Plans, tariffs and rates, each versioned by an effective month. A version applies to
whole billing months from its ``effective_from`` (always a 1st), so a price change only
ever reaches periods that start after it."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nutriplat.db import Base, utcnow

MONEY = Numeric(12, 2)


class Plan(Base):
    """A monthly bundle: the standard package, the information platform, the coaching
    and monitoring tool (rental is priced per appliance, see Tariff)."""

    __tablename__ = "plans"
    __table_args__ = (UniqueConstraint("organisation_id", "code", name="uq_plans_organisation_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    versions: Mapped[list[PlanVersion]] = relationship(order_by="PlanVersion.effective_from")


class PlanVersion(Base):
    __tablename__ = "plan_versions"
    __table_args__ = (
        UniqueConstraint("plan_id", "effective_from", name="uq_plan_versions_plan_effective_from"),
        CheckConstraint("package_price >= 0 AND information_platform_price >= 0 "
                        "AND coaching_tool_price >= 0", name="prices_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"))
    effective_from: Mapped[date]
    meals_per_week: Mapped[int]
    package_price: Mapped[Decimal] = mapped_column(MONEY)
    information_platform_price: Mapped[Decimal] = mapped_column(MONEY)
    coaching_tool_price: Mapped[Decimal] = mapped_column(MONEY)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Tariff(Base):
    """A price per unit: a month's rental of one appliance, or an add-on."""

    __tablename__ = "tariffs"
    __table_args__ = (UniqueConstraint("organisation_id", "code", name="uq_tariffs_organisation_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    code: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20))  # "rental" or "addon"
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    versions: Mapped[list[TariffPrice]] = relationship(order_by="TariffPrice.effective_from")


class TariffPrice(Base):
    __tablename__ = "tariff_prices"
    __table_args__ = (
        UniqueConstraint("tariff_id", "effective_from", name="uq_tariff_prices_tariff_effective_from"),
        CheckConstraint("unit_price >= 0", name="price_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tariff_id: Mapped[int] = mapped_column(ForeignKey("tariffs.id"))
    effective_from: Mapped[date]
    unit_price: Mapped[Decimal] = mapped_column(MONEY)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class BillingRate(Base):
    """A provider's override of a default rate: ``vat.<line kind>`` (percent) or
    ``healthcoin.euro_per_coin``. Without a row the documented default applies."""

    __tablename__ = "billing_rates"
    __table_args__ = (
        UniqueConstraint("organisation_id", "key", "effective_from", name="uq_billing_rates_org_key_from"),
        CheckConstraint("value >= 0", name="rate_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    key: Mapped[str] = mapped_column(String(40))
    effective_from: Mapped[date]
    value: Mapped[Decimal] = mapped_column(Numeric(12, 4))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
