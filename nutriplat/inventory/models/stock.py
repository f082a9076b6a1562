"""Lots, stock moves (the only truth) and the balances kept beside them.

A lot is one production batch of one dish variant version. Stock is counted per product
(dish and texture: a new version of a variant is the same physical product), while lots
name the concrete variant row, so a recall or an allergen check reads what was made.

``stock_balances`` holds on-hand per (location, lot), updated in the same transaction as
each move and locked ``FOR UPDATE`` while it changes; it always equals the sum of moves
(a test proves it) and exists so that concurrent picks cannot oversell."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nutriplat.db import Base, utcnow


class Lot(Base):
    __tablename__ = "lots"
    __table_args__ = (
        UniqueConstraint("organisation_id", "variant_id", "supplier_lot_code", name="uq_lots_org_variant_code"),
        Index("ix_lots_product", "dish_id", "texture"),
        CheckConstraint("expiry_date >= production_date", name="expiry_after_production"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    variant_id: Mapped[int] = mapped_column(ForeignKey("dish_variants.id"))
    # The product key, copied from the (immutable) variant row so stock groups without a join.
    dish_id: Mapped[int] = mapped_column(ForeignKey("dishes.id"))
    texture: Mapped[str] = mapped_column(String(10))
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    supplier_lot_code: Mapped[str] = mapped_column(String(64))
    production_date: Mapped[date]
    expiry_date: Mapped[date]
    # Set by a recall: the lot is never picked, consumed or moved again but by the recall.
    recalled_at: Mapped[datetime | None]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class StockMove(Base):
    __tablename__ = "stock_moves"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("from_location_id IS NOT NULL OR to_location_id IS NOT NULL", name="has_a_side"),
        Index("ix_stock_moves_lot", "lot_id"),
        Index("ix_stock_moves_client_kind", "client_id", "kind"),
        Index("ix_stock_moves_to_location", "to_location_id", "moved_on"),
        Index("ix_stock_moves_from_location", "from_location_id", "moved_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    kind: Mapped[str] = mapped_column(String(20))
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id"))
    from_location_id: Mapped[int | None] = mapped_column(ForeignKey("stock_locations.id"))
    to_location_id: Mapped[int | None] = mapped_column(ForeignKey("stock_locations.id"))
    quantity: Mapped[int]
    moved_on: Mapped[date]  # the business day (Europe/Brussels)
    moved_at: Mapped[datetime] = mapped_column(default=utcnow)
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id"))  # a home's client
    delivery_order_id: Mapped[int | None] = mapped_column(ForeignKey("delivery_orders.id"), index=True)
    purchase_order_line_id: Mapped[int | None] = mapped_column(ForeignKey("purchase_order_lines.id"))
    reason: Mapped[str | None] = mapped_column(String(500))
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class StockBalance(Base):
    __tablename__ = "stock_balances"
    __table_args__ = (
        CheckConstraint("quantity >= 0", name="not_negative"),
        Index("ix_stock_balances_lot", "lot_id"),
    )

    location_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"), primary_key=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id"), primary_key=True)
    quantity: Mapped[int] = mapped_column(default=0)


class ConsumptionPosting(Base):
    """A client's day whose consumption was written as stock moves (once): from intake
    records when there are any, else from the approved plan. ``shortfall`` keeps what
    was planned but not at home (variant id → units): a stock-out, for monitoring."""

    __tablename__ = "consumption_postings"
    __table_args__ = (UniqueConstraint("client_id", "day", name="uq_consumption_postings_client_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    day: Mapped[date]
    source: Mapped[str] = mapped_column(String(10))  # intake, plan, away, none
    shortfall: Mapped[dict[str, Any] | None]
    posted_at: Mapped[datetime] = mapped_column(default=utcnow)
