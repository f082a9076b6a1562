"""A client's own early-warning rule parameters."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nutriplat.db import Base, utcnow


class ClientThreshold(Base):
    """A rule parameter set for one client by their dietitian, with the reason
    (``rules/thresholds.py``): the rules read it instead of the default."""

    __tablename__ = "client_thresholds"
    __table_args__ = (UniqueConstraint("client_id", "parameter", name="uq_client_thresholds_client_parameter"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    parameter: Mapped[str] = mapped_column(String(40))
    value: Mapped[float]
    reason: Mapped[str] = mapped_column(String(500))
    set_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    set_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
