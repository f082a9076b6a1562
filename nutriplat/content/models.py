"""The content library (one row per language version) and its assignments to clients."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nutriplat.db import Base, utcnow


class ContentItem(Base):
    """One language version of an article, a video (by link) or a printable leaflet. The
    versions of one item share its ``key``."""

    __tablename__ = "content_items"
    __table_args__ = (UniqueConstraint("organisation_id", "key", "lang", name="uq_content_items_key_lang"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    key: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(20))
    topic: Mapped[str] = mapped_column(String(40))
    lang: Mapped[str] = mapped_column(String(5))
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str | None] = mapped_column(String(500))
    body: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(500))
    author: Mapped[str] = mapped_column(String(200))
    reviewed_on: Mapped[date]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ContentAssignment(Base):
    """An item given to a client (``caregiver_id`` None) or to one of their caregivers, by
    a dietitian (``assigned_by``) or by a rule (``rule``); ``read_at`` once it was read."""

    __tablename__ = "content_assignments"
    __table_args__ = (Index("ix_content_assignments_client_assigned", "client_id", "assigned_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    content_item_id: Mapped[int] = mapped_column(ForeignKey("content_items.id"), index=True)
    caregiver_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    assigned_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    rule: Mapped[str | None] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(String(500))
    assigned_at: Mapped[datetime] = mapped_column(default=utcnow)
    assigned_on: Mapped[date]  # the Brussels business date: the month it makes the platform billable
    read_at: Mapped[datetime | None]
    read_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
