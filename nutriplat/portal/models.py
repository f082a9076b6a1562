"""Invitations to a client account and the message thread with the dietitian."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from nutriplat.db import Base, utcnow


class ClientInvitation(Base):
    """A one-time code a dietitian hands a client: only its SHA-256 digest is kept; it
    works once (``redeemed_at``) and until ``expires_at``."""

    __tablename__ = "client_invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    redeemed_at: Mapped[datetime | None]
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # the account it made


class PortalMessage(Base):
    """One message of a client's thread: from the client's side (the client or a
    caregiver) to the dietitian, or back; read once the other side opened the thread."""

    __tablename__ = "portal_messages"
    __table_args__ = (
        Index("ix_portal_messages_client_sent", "client_id", "sent_at"),
        Index("ix_portal_messages_org_unread", "organisation_id", "read_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    sender_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    from_client_side: Mapped[bool]
    body: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]
    read_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
