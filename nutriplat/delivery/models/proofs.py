"""Proof of delivery: what the driver recorded at the door when confirming a stop."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from nutriplat.db import Base, utcnow


class StopProof(Base):
    """One per confirmed stop: when, where the driver stood, who took it (or where it was
    left, with a photo), the handover temperatures and the lines refused at the door."""

    __tablename__ = "stop_proofs"

    id: Mapped[int] = mapped_column(primary_key=True)
    stop_id: Mapped[int] = mapped_column(ForeignKey("planned_stops.id"), unique=True)
    # None at a care facility's stop: the ward's crates are received for several residents.
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id"), index=True)
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    received_by: Mapped[str | None] = mapped_column(String(120))
    left_at: Mapped[str | None] = mapped_column(String(200))
    photo_ref: Mapped[str | None] = mapped_column(String(300))
    chilled_c: Mapped[float | None]
    frozen_c: Mapped[float | None]
    # [{order_id, variant_id, dish, units, reason}]: back in the van, never the client's
    refused: Mapped[list[Any]] = mapped_column(JSON, default=list)


class TrayRefusal(Base):
    """Units of one resident's tray refused at a care facility's stop: the resident's
    line of the ward crate is lowered by them, and their timeline shows the refusal
    (the line itself may be gone when the whole tray was refused)."""

    __tablename__ = "tray_refusals"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("delivery_orders.id"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    variant_id: Mapped[int] = mapped_column(ForeignKey("dish_variants.id"))
    units: Mapped[int]
    reason: Mapped[str | None] = mapped_column(String(200))
    delivery_date: Mapped[date]
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
