"""Where stock lives: warehouses, vehicles, and the appliances in a client's home; and
the days a client's deliveries come."""
from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nutriplat.db import Base, utcnow


class Location(Base):
    """A home location is one appliance (freezer, fridge, cupboard) of one client; it
    holds one storage class, so a client has at most one per class."""

    __tablename__ = "stock_locations"
    __table_args__ = (
        UniqueConstraint("organisation_id", "name", name="uq_stock_locations_organisation_name"),
        UniqueConstraint("client_id", "storage_class", name="uq_stock_locations_client_storage"),
        CheckConstraint("(kind = 'home') = (client_id IS NOT NULL)", name="home_has_client"),
        CheckConstraint("capacity_l IS NULL OR capacity_l > 0", name="capacity_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(120))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id"), index=True)
    ward_id: Mapped[int | None] = mapped_column(ForeignKey("wards.id"), index=True, unique=True)  # a ward's crates
    appliance_type: Mapped[str | None] = mapped_column(String(20))
    capacity_l: Mapped[float | None]  # None: not limited (a cupboard, a warehouse)
    storage_class: Mapped[str | None] = mapped_column(String(10))  # None: every class
    active: Mapped[bool] = mapped_column(default=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class DeliverySchedule(Base):
    """The weekdays a client is delivered, and the order cut-off: ``cutoff_time`` (Europe/
    Brussels), ``lead_time_days`` before the delivery day. Served from one warehouse."""

    __tablename__ = "delivery_schedules"
    __table_args__ = (
        CheckConstraint("lead_time_days >= 0 AND lead_time_days <= 14", name="lead_time_range"),
        Index("ix_delivery_schedules_warehouse", "warehouse_id"),
    )

    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), primary_key=True)
    weekdays: Mapped[list[str]]  # "mon" … "sun"
    lead_time_days: Mapped[int] = mapped_column(default=1)
    cutoff_time: Mapped[time] = mapped_column(Time, default=time(14, 0))
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"))
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
