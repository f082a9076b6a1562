"""The scheduler process: one APScheduler job per schedule entry, each going through
``nutriplat.jobs.runner.run_job`` — the path the CLI and the tests take too."""
from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from apscheduler.schedulers.blocking import BlockingScheduler
from sqlalchemy.orm import Session, sessionmaker

from nutriplat.clock import BRUSSELS, local_now
from nutriplat.jobs import runs
from nutriplat.jobs.locks import holds_advisory_locks
from nutriplat.jobs.runner import RetryPolicy, RunResult, run_job
from scheduler.schedule import SCHEDULE, Entry, scheduled

log = logging.getLogger("scheduler")


@dataclass
class Runtime:
    factory: sessionmaker[Session]
    policy: RetryPolicy = field(default_factory=RetryPolicy)
    stopping: threading.Event = field(default_factory=threading.Event)

    def fire(self, entry: Entry, at: datetime | None = None, trigger: str = "schedule") -> RunResult:
        at = at or local_now()
        return run_job(self.factory, entry.job, entry.period_at(at), trigger=trigger, policy=self.policy,
                       sleep=self._sleep)

    def catch_up(self, entries: Iterable[Entry], now: datetime | None = None) -> list[RunResult]:
        """For each job, its last due period runs once if it has not succeeded: only the
        latest one, not every firing missed while the scheduler was down (the jobs of a
        date work on the data up to that date, and the older periods are visible in the
        job runs for a person to run with ``nutriplat jobs run``)."""
        now = now or local_now()
        # SQLite serves one process: a run still 'running' at start was cut off.
        if not holds_advisory_locks(self.factory.kw["bind"]) and (abandoned := runs.abandon_running(self.factory)):
            log.warning("%d run(s) left running by a stopped process marked failed", abandoned)
        results = []
        for entry in entries:
            due = entry.last_due(now)
            if due is not None and not self.stopping.is_set():
                results.append(self.fire(entry, due, trigger="catch-up"))
        return results

    def _sleep(self, seconds: float) -> None:
        self.stopping.wait(seconds)  # a retry's pause ends early on SIGTERM


class WakefulScheduler(BlockingScheduler):
    """A blocking scheduler whose main thread wakes every second. A SIGTERM may be delivered
    to any thread (OR-Tools starts its own); Python runs the handler only in the main thread,
    which would otherwise sleep until the next firing, hours later."""

    def _process_jobs(self) -> float:
        wait_seconds = super()._process_jobs()
        return 1.0 if wait_seconds is None else min(wait_seconds, 1.0)


def build(runtime: Runtime, entries: Iterable[Entry] = SCHEDULE) -> tuple[BlockingScheduler, list[Entry]]:
    active, missing = scheduled(entries)
    for entry in missing:
        log.warning("job %r is not registered (its package is not installed): not scheduled", entry.job)
    # One instance per job; firings missed by a short stall run once, late (coalesced).
    scheduler = WakefulScheduler(timezone=BRUSSELS, job_defaults={
        "coalesce": True, "max_instances": 1, "misfire_grace_time": 3600})
    for entry in active:
        scheduler.add_job(runtime.fire, entry.trigger(), args=(entry,), id=entry.job, name=entry.job)
        log.info("scheduled %-20s %s", entry.job, entry.why)
    return scheduler, active
