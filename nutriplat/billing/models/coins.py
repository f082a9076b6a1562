"""Healthcoin accounts (one per client and one per caregiver, per provider) and their
entries. ``balance`` is kept with a database check, so it can never go below zero even
under concurrent redemptions."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from nutriplat.db import Base, utcnow


class CoinAccount(Base):
    __tablename__ = "coin_accounts"
    __table_args__ = (CheckConstraint("balance >= 0", name="balance_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    holder_key: Mapped[str] = mapped_column(String(60), unique=True)  # "7:client:12", "7:caregiver:5"
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id"))
    caregiver_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    balance: Mapped[int] = mapped_column(default=0)


class CoinEntry(Base):
    """An award (+) or a redemption (−). A redemption's euro ``value`` becomes a discount
    on the client's next invoices; ``applied`` is how much of it invoices used so far."""

    __tablename__ = "coin_entries"
    __table_args__ = (CheckConstraint("applied IS NULL OR (applied >= 0 AND applied <= value)",
                                      name="applied_within_value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("coin_accounts.id"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # "award" or "redemption"
    coins: Mapped[int]  # signed: + award, − redemption
    reason: Mapped[str] = mapped_column(String(300))
    entered_on: Mapped[date]
    source_key: Mapped[str | None] = mapped_column(String(120), unique=True)  # e.g. "goal:17:2026-10"
    value: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    applied: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
