"""Stored notifications: one per recipient, grouped by a topic whose acknowledgement is
shared (acknowledged by anyone, visible to every recipient), and one delivery row per
external channel that reaches the recipient."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nutriplat.db import Base, utcnow


class NotificationTopic(Base):
    """What a group of notifications is about (``care_alert:12``): acknowledged once, for all."""

    __tablename__ = "notification_topics"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # Copied so every recipient reads who acknowledged without reading the users table.
    acknowledged_by_name: Mapped[str | None] = mapped_column(String(200))


class Notification(Base):
    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_created", "user_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    topic_id: Mapped[int] = mapped_column(ForeignKey("notification_topics.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    link: Mapped[str | None] = mapped_column(String(300))
    # The person it is about, if any (its reads are audited), and who holds their record.
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id"))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]

    topic: Mapped[NotificationTopic] = relationship(lazy="joined")

    @property
    def acknowledged_at(self) -> datetime | None:
        return self.topic.acknowledged_at

    @property
    def acknowledged_by_name(self) -> str | None:
        return self.topic.acknowledged_by_name


class NotificationDelivery(Base):
    """A notification's way out through one external channel: pending → sent, or after a
    failed send retrying (again at ``next_attempt_at``) → sent | failed (for good, ``error``
    says why; ``retries.MAX_ATTEMPTS``)."""

    __tablename__ = "notification_deliveries"
    __table_args__ = (Index("ix_notification_deliveries_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    notification_id: Mapped[int] = mapped_column(ForeignKey("notifications.id"), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    sent_at: Mapped[datetime | None]
    error: Mapped[str | None] = mapped_column(String(500))
    next_attempt_at: Mapped[datetime | None]
