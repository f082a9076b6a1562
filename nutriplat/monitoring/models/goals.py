"""Personal goals and the reported steps towards them."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nutriplat.db import Base, utcnow


class Goal(Base):
    """A personal goal set with the client: a measurable criterion over a period."""

    __tablename__ = "goals"
    __table_args__ = (Index("ix_goals_status_ends_on", "status", "ends_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    domain: Mapped[str] = mapped_column(String(20))  # nutrition, activity, social_contact
    description: Mapped[str] = mapped_column(String(300))
    metric: Mapped[str] = mapped_column(String(30))
    direction: Mapped[str] = mapped_column(String(10))  # at_least, at_most
    target: Mapped[float]
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    coins: Mapped[int]
    status: Mapped[str] = mapped_column(String(20), default="active")
    progress_value: Mapped[float | None]
    met_on: Mapped[date | None]
    closed_on: Mapped[date | None]
    set_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    progress: Mapped[list[GoalProgress]] = relationship(
        order_by="GoalProgress.recorded_on, GoalProgress.id", cascade="all, delete-orphan", lazy="selectin")


class GoalProgress(Base):
    """A reported step towards a goal (e.g. a walk, a visit), for counted metrics."""

    __tablename__ = "goal_progress"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id"), index=True)
    recorded_on: Mapped[date]
    value: Mapped[float]
    note: Mapped[str | None] = mapped_column(String(500))
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
