"""Run a job for a period exactly once: the one path for the scheduler, the CLI, the
demo simulation and the tests (nothing here knows APScheduler or Flask).

A job split into parts (``registry.FAN_OUTS``) runs its parts in worker processes when
a work queue is configured, else one after the other here (``fan_out``); either way the
job's run is one ``job_runs`` row, guarded and retried as ``attempts.run_once`` says."""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from nutriplat.db import UnitOfWork
from nutriplat.jobs import fan_out
from nutriplat.jobs.attempts import RetryPolicy, RunResult, period_key, run_once
from nutriplat.jobs.registry import FAN_OUTS, JOBS, Period

__all__ = ["RetryPolicy", "RunResult", "period_key", "run_job"]
DEFAULT_POLICY = RetryPolicy()


def run_job(factory: sessionmaker[Session], name: str, period: Period, *, trigger: str = "cli",
            policy: RetryPolicy = DEFAULT_POLICY, sleep: Callable[[float], None] = time.sleep) -> RunResult:
    job = JOBS[name]

    def work() -> dict[str, Any]:
        if name in FAN_OUTS:
            return fan_out.run(factory, name, period, trigger)
        return job.run(lambda: UnitOfWork(factory), period)

    return run_once(factory, name, period_key(period), work, trigger=trigger, policy=policy, sleep=sleep)
