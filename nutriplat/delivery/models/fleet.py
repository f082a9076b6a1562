"""The fleet: a depot is a warehouse with coordinates and opening hours; a van is a
vehicle stock location with what routing needs; drivers; a client's delivery window."""
from __future__ import annotations

from datetime import datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Numeric, String, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nutriplat.db import Base, utcnow


class Depot(Base):
    """Keyed by the warehouse (a ``stock_locations`` row of kind 'warehouse')."""

    __tablename__ = "depots"
    __table_args__ = (CheckConstraint("opens_at < closes_at", name="hours_order"),)

    warehouse_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"), primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    lat: Mapped[float]
    lon: Mapped[float]
    opens_at: Mapped[time] = mapped_column(Time)  # Europe/Brussels
    closes_at: Mapped[time] = mapped_column(Time)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Driver(Base):
    __tablename__ = "drivers"
    __table_args__ = (UniqueConstraint("organisation_id", "name", name="uq_drivers_organisation_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    name: Mapped[str] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(40))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)  # a logistics user
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Van(Base):
    """Keyed by the vehicle location; its total litres are the location's ``capacity_l``.
    Shift and break times are Europe/Brussels clock times on the delivery day."""

    __tablename__ = "vans"
    __table_args__ = (
        CheckConstraint("shift_start < shift_end", name="shift_order"),
        CheckConstraint("capacity_kg > 0", name="capacity_kg_positive"),
        CheckConstraint("freezer_l >= 0 AND chilled_l >= 0", name="compartments_not_negative"),
        CheckConstraint("break_minutes >= 0 AND break_minutes <= 120", name="break_range"),
        CheckConstraint("fixed_cost_eur >= 0", name="fixed_cost_not_negative"),
    )

    location_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"), primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    depot_id: Mapped[int] = mapped_column(ForeignKey("depots.warehouse_id"), index=True)  # home depot
    driver_id: Mapped[int | None] = mapped_column(ForeignKey("drivers.id"))
    capacity_kg: Mapped[float]
    freezer_l: Mapped[float]
    chilled_l: Mapped[float]
    shift_start: Mapped[time] = mapped_column(Time)
    shift_end: Mapped[time] = mapped_column(Time)
    break_earliest: Mapped[time | None] = mapped_column(Time)
    break_latest: Mapped[time | None] = mapped_column(Time)
    break_minutes: Mapped[int] = mapped_column(default=0)
    # More breaks than the one above: [{"earliest": "HH:MM:SS", "latest": …, "minutes": n}, …]
    more_breaks: Mapped[list[Any]] = mapped_column(JSON, default=list)
    fixed_cost_eur: Mapped[Decimal] = mapped_column(Numeric(10, 2), default=Decimal("0.00"))
    active: Mapped[bool] = mapped_column(default=True)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ClientWindow(Base):
    """When a client can be delivered (default 09:00-17:00 when there is no row) and how
    long a delivery there takes (putting meals away in the freezer, a word at the door)."""

    __tablename__ = "client_delivery_windows"
    __table_args__ = (
        CheckConstraint("starts_at < ends_at", name="window_order"),
        CheckConstraint("service_minutes >= 1 AND service_minutes <= 120", name="service_range"),
    )

    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), primary_key=True)
    starts_at: Mapped[time] = mapped_column(Time)
    ends_at: Mapped[time] = mapped_column(Time)
    service_minutes: Mapped[int]
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ClientWeekdayWindow(Base):
    """A client's window on one weekday ("mon" … "sun"), instead of their every-day window."""

    __tablename__ = "client_weekday_windows"
    __table_args__ = (CheckConstraint("starts_at < ends_at", name="window_order"),)

    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), primary_key=True)
    weekday: Mapped[str] = mapped_column(String(3), primary_key=True)
    starts_at: Mapped[time] = mapped_column(Time)
    ends_at: Mapped[time] = mapped_column(Time)
