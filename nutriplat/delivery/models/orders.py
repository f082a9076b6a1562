"""Delivery orders to a client's home: made by home reordering (or by hand), picked with
lots, then confirmed by the driver (the routing area calls ``confirm_delivery``)."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nutriplat.db import Base, utcnow


class DeliveryOrder(Base):
    __tablename__ = "delivery_orders"
    __table_args__ = (
        Index("ix_delivery_orders_date_status", "delivery_date", "status"),
        Index("ix_delivery_orders_client_status", "client_id", "status"),
        # One ward order per ward and delivery day (home orders have no ward).
        UniqueConstraint("ward_id", "delivery_date", name="uq_delivery_orders_ward_date"),
        # One redelivery per missed order, however often the miss is confirmed.
        UniqueConstraint("redelivery_of_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    # A home order's client; none for a facility's ward order, whose lines name the residents.
    # Typed as int for the home orders' code: a ward order is told by facility_id.
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), nullable=True)
    facility_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    ward_id: Mapped[int | None] = mapped_column(ForeignKey("wards.id"))
    delivery_date: Mapped[date]
    status: Mapped[str] = mapped_column(String(20), default="planned")
    origin: Mapped[str] = mapped_column(String(20))  # reorder, extra (off-schedule), manual, redelivery, …
    # A redelivery's order that found nobody home (``redelivery``).
    redelivery_of_id: Mapped[int | None] = mapped_column(ForeignKey("delivery_orders.id"))
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"))
    vehicle_id: Mapped[int | None] = mapped_column(ForeignKey("stock_locations.id"))
    covers_until: Mapped[date | None]
    note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    picked_at: Mapped[datetime | None]
    confirmed_at: Mapped[datetime | None]
    billed_at: Mapped[datetime | None]  # charges recorded (billing), once
    version: Mapped[int] = mapped_column(default=1)

    lines: Mapped[list[DeliveryOrderLine]] = relationship(
        order_by="DeliveryOrderLine.id", cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - the declarative base types it as an instance attribute (a ClassVar fails mypy)


class DeliveryOrderLine(Base):
    __tablename__ = "delivery_order_lines"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("delivery_orders.id"), index=True)
    variant_id: Mapped[int] = mapped_column(ForeignKey("dish_variants.id"))
    dish_id: Mapped[int] = mapped_column(ForeignKey("dishes.id"))
    texture: Mapped[str] = mapped_column(String(10))
    quantity: Mapped[int]
    use_by: Mapped[date | None]  # pick only lots that last until this day
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("lots.id"), index=True)  # once picked
    # A ward order's line is one resident's tray of one meal moment on one day.
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id"), index=True)
    meal_moment: Mapped[str | None] = mapped_column(String(20))
    served_on: Mapped[date | None]


class RecallPickup(Base):
    """A recall's pick-up at a client's home: the units of the recalled lot to collect on
    the route of ``due_on`` (a stop's collect lines), with the replacement order delivered
    on the same stop."""

    __tablename__ = "recall_pickups"
    __table_args__ = (
        CheckConstraint("units > 0", name="units_positive"),
        Index("ix_recall_pickups_due", "warehouse_id", "due_on", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    recall_id: Mapped[int] = mapped_column(ForeignKey("recalls.id"), index=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    units: Mapped[int]
    due_on: Mapped[date]
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"))
    replacement_order_id: Mapped[int | None] = mapped_column(ForeignKey("delivery_orders.id"))
    status: Mapped[str] = mapped_column(String(10), default="planned")  # planned, done, missed
    done_at: Mapped[datetime | None]
