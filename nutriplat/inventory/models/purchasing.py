"""Central replenishment: min/max reorder rules per product and warehouse, and purchase
orders to suppliers (proposed → approved → sent → (partially) received)."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nutriplat.db import Base, utcnow


class ReorderRule(Base):
    __tablename__ = "reorder_rules"
    __table_args__ = (
        UniqueConstraint("warehouse_id", "dish_id", "texture", name="uq_reorder_rules_warehouse_product"),
        CheckConstraint("minimum >= 0 AND maximum >= minimum", name="min_max"),
        CheckConstraint("pack_multiple >= 1 AND home_pack_size >= 1 AND lead_time_days >= 0",
                        name="packs_and_lead_time"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"))
    dish_id: Mapped[int] = mapped_column(ForeignKey("dishes.id"))
    texture: Mapped[str] = mapped_column(String(10))
    minimum: Mapped[int]
    maximum: Mapped[int]
    pack_multiple: Mapped[int] = mapped_column(default=1)  # the supplier's case
    # How this warehouse packs the product for homes (e.g. soup by two): home orders
    # come in multiples of it.
    home_pack_size: Mapped[int] = mapped_column(default=1)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    lead_time_days: Mapped[int] = mapped_column(default=2)
    active: Mapped[bool] = mapped_column(default=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class PurchaseOrder(Base):
    __tablename__ = "purchase_orders"
    __table_args__ = (Index("ix_purchase_orders_status", "organisation_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    supplier_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"))
    status: Mapped[str] = mapped_column(String(20), default="proposed")
    origin: Mapped[str] = mapped_column(String(20))  # replenishment, manual
    ordered_on: Mapped[date]
    expected_on: Mapped[date]
    note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]  # fully received or cancelled
    version: Mapped[int] = mapped_column(default=1)

    lines: Mapped[list[PurchaseOrderLine]] = relationship(
        order_by="PurchaseOrderLine.id", cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - the declarative base types it as an instance attribute (a ClassVar fails mypy)


class PurchaseOrderLine(Base):
    __tablename__ = "purchase_order_lines"
    __table_args__ = (
        CheckConstraint("quantity_ordered > 0", name="ordered_positive"),
        CheckConstraint("quantity_received >= 0", name="received_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    purchase_order_id: Mapped[int] = mapped_column(ForeignKey("purchase_orders.id"), index=True)
    variant_id: Mapped[int] = mapped_column(ForeignKey("dish_variants.id"))
    dish_id: Mapped[int] = mapped_column(ForeignKey("dishes.id"))
    texture: Mapped[str] = mapped_column(String(10))
    quantity_ordered: Mapped[int]
    quantity_received: Mapped[int] = mapped_column(default=0)
    note: Mapped[str | None] = mapped_column(Text)
    # A buyer changed the quantity by hand: the nightly run keeps it and only records its
    # own need beside it (``suggested_quantity``, of the night ``suggested_on``) when the two differ.
    edited_by_hand: Mapped[bool] = mapped_column(default=False, server_default=false())
    suggested_quantity: Mapped[int | None]
    suggested_on: Mapped[date | None]

    @property
    def outstanding(self) -> int:
        return max(self.quantity_ordered - self.quantity_received, 0)
