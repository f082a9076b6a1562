"""A rescreening task: one client due on one date, listed once, closed by a screening."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nutriplat.db import Base, utcnow


class RescreeningTask(Base):
    """``(client_id, due_on)`` is unique: listing the same due date again (a re-run, a
    second scheduler) adds nothing."""

    __tablename__ = "rescreening_tasks"
    __table_args__ = (UniqueConstraint("client_id", "due_on", name="uq_rescreening_tasks_client_due"),
                      Index("ix_rescreening_tasks_organisation_done", "organisation_id", "done_on"))

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    due_on: Mapped[date]  # the latest screening's next-due date; the listing day if never screened
    listed_on: Mapped[date]
    dietitian_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    done_screening_id: Mapped[int | None] = mapped_column(ForeignKey("screenings.id"))
    done_on: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
