"""Running a piece of work for a period exactly once: a whole job (``runner.run_job``) or
one part of a job split into parts (``fan_out.run_part``) — the same guard for both.

A run takes the period's lock, skips when the period already succeeded or runs
elsewhere, and retries a failing run a bounded number of times with a growing pause;
every attempt is a ``job_runs`` row, so a failure stays visible with its error."""
from __future__ import annotations

import logging
import os
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from nutriplat.errors import DomainError
from nutriplat.jobs import runs
from nutriplat.jobs.locks import holds_advisory_locks, period_lock
from nutriplat.jobs.registry import Period

log = logging.getLogger("nutriplat.jobs")


@dataclass(frozen=True)
class RetryPolicy:
    retries: int = 2  # attempts after the first
    backoff_seconds: float = 60.0  # pause before retry n is backoff * 2**(n-1)

    @classmethod
    def from_env(cls) -> RetryPolicy:
        env = os.environ
        return cls(int(env.get("NUTRIPLAT_JOB_RETRIES", cls.retries)),
                   float(env.get("NUTRIPLAT_JOB_RETRY_BACKOFF_SECONDS", cls.backoff_seconds)))


@dataclass(frozen=True)
class RunResult:
    job: str
    period_key: str
    outcome: str  # succeeded, failed, skipped
    attempts: int = 0
    counts: dict[str, Any] = field(default_factory=dict)
    reason: str | None = None  # why it was skipped, or the last error

    def describe(self) -> str:
        if self.outcome == "succeeded":
            done = ", ".join(f"{n} {what}" for what, n in self.counts.items()) or "nothing to do"
            return f"{self.job} {self.period_key}: {done}."
        return f"{self.job} {self.period_key}: {self.outcome} — {self.reason}"


def period_key(period: Period) -> str:
    return period.isoformat() if hasattr(period, "isoformat") else str(period)


def run_once(factory: sessionmaker[Session], name: str, key: str, work: Callable[[], dict[str, Any]], *,
             trigger: str, policy: RetryPolicy, sleep: Callable[[float], None] = time.sleep) -> RunResult:
    """``work()`` for the run named ``name`` of period ``key``, unless it succeeded already
    or runs elsewhere."""
    engine = factory.kw["bind"]
    with period_lock(engine, name, key) as locked:
        if not locked:
            return _skipped(name, key, "another runner holds this period's lock")
        if done := runs.succeeded_run(factory, name, key):
            return _skipped(name, key, f"already succeeded (run {done.id}, {done.finished_at:%Y-%m-%d %H:%M} UTC); "
                                       "nothing to do")
        if holds_advisory_locks(engine):  # we hold the lock: a 'running' row is a dead runner's
            runs.abandon_running(factory, name, key)
        attempts = 0
        while True:
            run = runs.start_attempt(factory, name, key, trigger)
            if run is None:
                # On SQLite a run cut off by a crash stays 'running' until the scheduler restarts.
                return _skipped(name, key, "another run of this period is running or has succeeded")
            attempts += 1
            log.info("%s %s: attempt %d started (%s)", name, key, run.attempt, trigger)
            try:
                counts = work()
            except Exception as error:  # noqa: BLE001 — every failure is recorded, then judged
                message = _error_text(error)
                runs.finish(factory, run, None, message)
                log.error("%s %s: attempt %d failed: %s", name, key, run.attempt, message.splitlines()[0])
                # A refused period (bad input) fails the same way every time: no retry.
                if isinstance(error, DomainError) or attempts > policy.retries:
                    return RunResult(name, key, "failed", attempts, reason=message.splitlines()[0])
                sleep(policy.backoff_seconds * 2 ** (attempts - 1))
                continue
            runs.finish(factory, run, dict(counts))
            result = RunResult(name, key, "succeeded", attempts, dict(counts))
            log.info("%s", result.describe())
            return result


def _skipped(name: str, key: str, reason: str) -> RunResult:
    log.info("%s %s: skipped — %s", name, key, reason)
    return RunResult(name, key, "skipped", reason=reason)


def _error_text(error: Exception) -> str:
    if isinstance(error, DomainError):
        details = "; ".join(f"{k}: {' '.join(v)}" for k, v in error.errors.items())
        return f"{error.message} {details}".strip()
    return "".join(traceback.format_exception_only(error)).strip() + "\n\n" + traceback.format_exc()
