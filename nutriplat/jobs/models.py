"""Job runs: every attempt to run a job for a period, as the scheduler, the CLI and the
demo simulation made it (one runner, ``nutriplat.jobs.runner``)."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nutriplat.db import Base, utcnow

OUTCOMES = ("running", "succeeded", "failed")


class JobRun(Base):
    """One attempt. ``active_key`` ("job/period") is set while the attempt runs or once it
    succeeded and cleared when it fails, and it is unique: the database itself refuses a
    second running or successful run of a job for one period, whichever process tries."""

    __tablename__ = "job_runs"
    __table_args__ = (
        UniqueConstraint("job", "period_key", "attempt", name="uq_job_runs_job_period_attempt"),
        Index("ix_job_runs_started_at", "started_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    job: Mapped[str] = mapped_column(String(40))
    period_key: Mapped[str] = mapped_column(String(10))  # YYYY-MM-DD or YYYY-MM
    attempt: Mapped[int]
    outcome: Mapped[str] = mapped_column(String(10), default="running")
    active_key: Mapped[str | None] = mapped_column(String(60), unique=True)
    trigger: Mapped[str] = mapped_column(String(20))  # schedule, catch-up, cli, simulation
    runner: Mapped[str] = mapped_column(String(120))  # host:pid of the process that ran it
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    counts: Mapped[dict[str, Any] | None]
    error: Mapped[str | None] = mapped_column(Text)
