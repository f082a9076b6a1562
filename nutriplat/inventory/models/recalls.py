"""Recalls: a lot withdrawn from use, the places that held it when it was recalled, and
each step that accounts for those units (collected, consumed before the recall, destroyed).

A lot has no parent or source lot in this model (a lot is one production batch received
as such), so a recall covers the lot itself; ``lots.recalled_at`` blocks it everywhere."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nutriplat.db import Base, utcnow


class Recall(Base):
    __tablename__ = "recalls"
    __table_args__ = (UniqueConstraint("lot_id", name="uq_recalls_lot"),)  # a lot is recalled once

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id"))
    reason: Mapped[str] = mapped_column(Text)
    severity: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(10), default="open")  # open → closed
    opened_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(default=1)

    locations: Mapped[list[RecallLocation]] = relationship(order_by="RecallLocation.id", cascade="all, delete-orphan")
    steps: Mapped[list[RecallStep]] = relationship(order_by="RecallStep.id", cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - the declarative base types it as an instance attribute (a ClassVar fails mypy)


class RecallLocation(Base):
    """A place that held the lot when it was recalled, and how many units it held."""

    __tablename__ = "recall_locations"
    __table_args__ = (
        UniqueConstraint("recall_id", "location_id", name="uq_recall_locations_recall_location"),
        CheckConstraint("units_accounted >= 0 AND units_accounted <= units_held", name="accounted_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    recall_id: Mapped[int] = mapped_column(ForeignKey("recalls.id"), index=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id"))  # a home's client
    units_held: Mapped[int]
    units_accounted: Mapped[int] = mapped_column(default=0)

    @property
    def outstanding(self) -> int:
        return self.units_held - self.units_accounted


class RecallStep(Base):
    """Units of one place accounted for: collected, consumed (before the recall) or
    destroyed on site (with a note); written with the stock move that takes them off."""

    __tablename__ = "recall_steps"
    __table_args__ = (CheckConstraint("units > 0", name="units_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    recall_id: Mapped[int] = mapped_column(ForeignKey("recalls.id"), index=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"))
    outcome: Mapped[str] = mapped_column(String(10))
    units: Mapped[int]
    note: Mapped[str | None] = mapped_column(Text)
    stock_move_id: Mapped[int | None] = mapped_column(ForeignKey("stock_moves.id"))
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
