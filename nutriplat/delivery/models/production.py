"""A production batch the central kitchen recorded as made (issue 16 item 6): a number of
units of one dish variant on a production day, which became a lot (use-by from the dish's
shelf life) received into a warehouse. The production plan counts it as produced."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from nutriplat.db import Base, utcnow


class ProductionBatch(Base):
    __tablename__ = "production_batches"
    __table_args__ = (
        CheckConstraint("units > 0", name="units_positive"),
        Index("ix_production_batches_day", "organisation_id", "production_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    variant_id: Mapped[int] = mapped_column(ForeignKey("dish_variants.id"))
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id"), unique=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"))
    units: Mapped[int]
    production_date: Mapped[date]
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
