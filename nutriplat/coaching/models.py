"""Coaching sessions and the actions agreed in them (the client's action plan)."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nutriplat.db import Base, utcnow


class CoachingSession(Base):
    """A session with the client: planned (``planned_for``) or held (``held_at``), with
    its notes in SOAP form."""

    __tablename__ = "coaching_sessions"
    __table_args__ = (Index("ix_coaching_sessions_client_held", "client_id", "held_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    status: Mapped[str] = mapped_column(String(10))
    mode: Mapped[str] = mapped_column(String(20))
    planned_for: Mapped[datetime | None]
    held_at: Mapped[datetime | None]
    held_on: Mapped[date | None]  # the Brussels business date: the month it makes coaching billable
    subjective: Mapped[str | None] = mapped_column(Text)
    objective: Mapped[str | None] = mapped_column(Text)
    assessment: Mapped[str | None] = mapped_column(Text)
    plan: Mapped[str | None] = mapped_column(Text)
    coach_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    actions: Mapped[list[CoachingAction]] = relationship(
        order_by="CoachingAction.due_on, CoachingAction.id", back_populates="session", lazy="selectin")


class CoachingAction(Base):
    """An action agreed in a session: who does it and by when; ticked off when done."""

    __tablename__ = "coaching_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("coaching_sessions.id"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    text: Mapped[str] = mapped_column(String(500))
    owner: Mapped[str] = mapped_column(String(20))
    due_on: Mapped[date]
    done_at: Mapped[datetime | None]
    done_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    session: Mapped[CoachingSession] = relationship(back_populates="actions")
