"""Storing job runs: the guarded start of an attempt, its end, and runs left behind."""
from __future__ import annotations

import os
import socket
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from nutriplat.db import UnitOfWork, utcnow
from nutriplat.errors import WriteConflict
from nutriplat.jobs.models import JobRun

ERROR_LIMIT = 4000


def runner() -> str:
    """host:pid of the process running an attempt, read at the attempt (a worker's forked
    work horse has a pid of its own)."""
    return f"{socket.gethostname()}:{os.getpid()}"[:120]


def active_key(job: str, period_key: str) -> str:
    return f"{job}/{period_key}"


def succeeded_run(factory: sessionmaker[Session], job: str, period_key: str) -> JobRun | None:
    with UnitOfWork(factory) as uow:
        return uow.session.scalar(select(JobRun).where(
            JobRun.job == job, JobRun.period_key == period_key, JobRun.outcome == "succeeded"))


def start_attempt(factory: sessionmaker[Session], job: str, period_key: str, trigger: str) -> JobRun | None:
    """A new ``running`` attempt, or None when the database refuses it: another attempt
    for the period is running or has succeeded (the unique ``active_key``)."""
    with UnitOfWork(factory) as uow:
        attempt = (uow.session.scalar(select(func.max(JobRun.attempt)).where(
            JobRun.job == job, JobRun.period_key == period_key)) or 0) + 1
        run = JobRun(job=job, period_key=period_key, attempt=attempt, outcome="running",
                     active_key=active_key(job, period_key), trigger=trigger, runner=runner(),
                     started_at=utcnow())
        uow.session.add(run)
        try:
            uow.commit()
        except WriteConflict:  # the unique active key: running or done already
            return None
        return run


def finish(factory: sessionmaker[Session], run: JobRun, counts: dict[str, Any] | None,
           error: str | None = None) -> JobRun:
    """Succeeded with its counts, or failed with its error (which frees the period)."""
    with UnitOfWork(factory) as uow:
        stored = uow.session.get(JobRun, run.id)
        assert stored is not None
        stored.finished_at = utcnow()
        stored.counts = counts
        if error is None:
            stored.outcome = "succeeded"
        else:
            stored.outcome, stored.active_key, stored.error = "failed", None, error[:ERROR_LIMIT]
        uow.commit()
        return stored


ABANDONED = "Abandoned: the process running it stopped before it finished."


def abandon_running(factory: sessionmaker[Session], job: str | None = None, period_key: str | None = None,
                    error: str = ABANDONED) -> int:
    """Mark runs still ``running`` as failed with ``error``: only called when no live runner
    can own them (under the period's advisory lock, at the start of the single SQLite
    scheduler, or by the queue for a part whose worker died)."""
    stmt = update(JobRun).where(JobRun.outcome == "running")
    if job is not None:
        stmt = stmt.where(JobRun.job == job, JobRun.period_key == period_key)
    with UnitOfWork(factory) as uow:
        result = uow.session.execute(stmt.values(
            outcome="failed", active_key=None, finished_at=utcnow(),
            error=error))
        uow.commit()
        return int(result.rowcount)  # type: ignore[attr-defined]
