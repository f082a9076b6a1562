"""A handover: the snapshot taken at a care-setting transfer, kept as it was handed over."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from nutriplat.db import Base, utcnow


class Handover(Base):
    __tablename__ = "handovers"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    # One handover per transfer: handing the same event over again changes nothing.
    transfer_id: Mapped[int] = mapped_column(ForeignKey("care_setting_transfers.id"), unique=True)
    transferred_on: Mapped[date]
    from_setting: Mapped[str | None] = mapped_column(String(20))
    to_setting: Mapped[str] = mapped_column(String(20))
    # The document and its FHIR R4 Bundle, frozen at the transfer (later care changes neither).
    document: Mapped[dict[str, Any]]
    fhir_bundle: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
