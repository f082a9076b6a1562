"""Reading the job runs. The jobs are system-wide (one run serves every organisation), so
a run's counts and error text are platform detail: an error can name a client of any
organisation. A provider's staff see each run's status; only a platform admin its detail."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from nutriplat.auth.actor import Actor
from nutriplat.db import UnitOfWork
from nutriplat.jobs.models import JobRun
from nutriplat.jobs.policy import POLICY
from nutriplat.pagination import page_of

WITHHELD = "Failed; the details are for the platform administrator."


def list_runs(uow: UnitOfWork, actor: Actor, filters: dict[str, Any], page: int, page_size: int
              ) -> tuple[list[JobRun], int]:
    """Newest first; filtered by job, outcome and period; detail only for a platform admin."""
    POLICY.check(actor, "list_runs")
    with uow:
        stmt = select(JobRun)
        for column, key in ((JobRun.job, "job"), (JobRun.outcome, "outcome"), (JobRun.period_key, "period")):
            if filters.get(key) is not None:
                stmt = stmt.where(column == filters[key])
        found, total = page_of(uow.session, stmt.order_by(JobRun.started_at.desc(), JobRun.id.desc()),
                               page, page_size)
        if actor.is_platform_admin:
            return found, total
        uow.session.expunge_all()  # the redaction below is a view, never written back
        return [_status_only(run) for run in found], total


def _status_only(run: JobRun) -> JobRun:
    run.counts = None
    run.error = WITHHELD if run.error else None
    run.runner = "platform"
    return run
