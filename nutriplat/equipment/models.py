"""Assets (a rented freezer or regeneration oven), where each stands (a placement at a
client's home, from install day to collect day), the install and collect tasks a route
carries out, and repair jobs.

"One place at a time" is the database's: one open placement per asset and one open
placement per home appliance location (partial unique indexes, SQLite and PostgreSQL)."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from nutriplat.db import Base, utcnow

_OPEN = text("collected_on IS NULL")
_PLANNED = text("status = 'planned'")
_UNREPAIRED = text("status = 'open'")


class Asset(Base):
    __tablename__ = "assets"
    __table_args__ = (
        UniqueConstraint("organisation_id", "serial_number", name="uq_assets_organisation_serial"),
        CheckConstraint("state IN ('in_stock', 'installed', 'in_repair', 'retired')", name="state_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # freezer, regeneration_oven
    serial_number: Mapped[str] = mapped_column(String(60))
    model: Mapped[str] = mapped_column(String(120))
    capacity: Mapped[dict[str, Any]]  # litres per storage class: {"frozen": 90}
    purchase_date: Mapped[date]
    tariff_code: Mapped[str] = mapped_column(String(40))  # the rental tariff billed while installed
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"))  # where it is kept in stock
    state: Mapped[str] = mapped_column(String(12), default="in_stock")
    note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - the declarative base types it as an instance attribute (a ClassVar fails mypy)


class AssetPlacement(Base):
    """The asset at a client's home from ``installed_on`` to ``collected_on`` (None: still
    there); ``location_id`` is the home appliance location it is (a freezer), or None (an oven)."""

    __tablename__ = "asset_placements"
    __table_args__ = (
        Index("uq_asset_placements_asset_open", "asset_id", unique=True,
              sqlite_where=_OPEN, postgresql_where=_OPEN),
        Index("uq_asset_placements_location_open", "location_id", unique=True,
              sqlite_where=_OPEN, postgresql_where=_OPEN),
        CheckConstraint("collected_on IS NULL OR collected_on >= installed_on", name="dates_order"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    asset_id: Mapped[int] = mapped_column(ForeignKey("assets.id"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    location_id: Mapped[int | None] = mapped_column(ForeignKey("stock_locations.id"))
    installed_on: Mapped[date]
    collected_on: Mapped[date | None]
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)


class AssetTask(Base):
    """An install or a collection on ``due_on``: a route stop at the client's home from the
    asset's warehouse, confirmed like a delivery. One planned task per asset at a time."""

    __tablename__ = "asset_tasks"
    __table_args__ = (
        Index("uq_asset_tasks_asset_planned", "asset_id", unique=True,
              sqlite_where=_PLANNED, postgresql_where=_PLANNED),
        Index("ix_asset_tasks_due", "warehouse_id", "due_on", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    asset_id: Mapped[int] = mapped_column(ForeignKey("assets.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # install, collect, fetch (a broken asset for repair)
    due_on: Mapped[date]
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"))
    location_id: Mapped[int | None] = mapped_column(ForeignKey("stock_locations.id"))  # install: where it goes
    status: Mapped[str] = mapped_column(String(10), default="planned")
    note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    done_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    done_at: Mapped[datetime | None]


class RepairJob(Base):
    """A breakdown reported by the client, the driver or staff: the asset is in repair
    until the job ends (repaired: back in stock; retired). A freezer's home stock moved
    to ``replacement_asset_id`` or, without one, is at risk (``units_at_risk``)."""

    __tablename__ = "repair_jobs"
    __table_args__ = (
        Index("uq_repair_jobs_asset_open", "asset_id", unique=True,
              sqlite_where=_UNREPAIRED, postgresql_where=_UNREPAIRED),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    asset_id: Mapped[int] = mapped_column(ForeignKey("assets.id"))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id"))
    location_id: Mapped[int | None] = mapped_column(ForeignKey("stock_locations.id"))
    reported_by: Mapped[str] = mapped_column(String(10))  # client, driver, staff
    reported_on: Mapped[date]
    description: Mapped[str] = mapped_column(Text)
    replacement_asset_id: Mapped[int | None] = mapped_column(ForeignKey("assets.id"))
    stock_at_risk: Mapped[bool] = mapped_column(default=False)
    units_at_risk: Mapped[int] = mapped_column(default=0)
    status: Mapped[str] = mapped_column(String(10), default="open")  # open, closed
    outcome: Mapped[str | None] = mapped_column(String(10))  # repaired, retired
    outcome_note: Mapped[str | None] = mapped_column(Text)
    opened_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None]
