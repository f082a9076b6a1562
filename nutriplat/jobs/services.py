"""Reading the job runs (no personal data: counts and errors of platform jobs)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from nutriplat.db import UnitOfWork
from nutriplat.jobs.models import JobRun
from nutriplat.pagination import page_of


def list_runs(uow: UnitOfWork, filters: dict[str, Any], page: int, page_size: int) -> tuple[list[JobRun], int]:
    """Newest first; filtered by job, outcome and period."""
    with uow:
        stmt = select(JobRun)
        for column, key in ((JobRun.job, "job"), (JobRun.outcome, "outcome"), (JobRun.period_key, "period")):
            if filters.get(key) is not None:
                stmt = stmt.where(column == filters[key])
        return page_of(uow.session, stmt.order_by(JobRun.started_at.desc(), JobRun.id.desc()), page, page_size)
