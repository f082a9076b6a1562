"""A worker process of the work queue (``nutriplat jobs worker``): takes route solves off
Redis and runs each in a forked work horse (RQ's ``Worker``), so a solve that crashes or is
killed takes only its horse down; the worker records the failure and RQ runs it again.

Each maintenance round (every ``MAINTENANCE_S``) also fails the plans whose solve stopped
answering, whatever killed it: a plan never stays "running" for ever."""
from __future__ import annotations

import logging
import os

from rq import SimpleWorker, Worker
from rq.job import Job
from rq.timeouts import UnixSignalDeathPenalty
from sqlalchemy.orm import Session, sessionmaker

from nutriplat import queue
from nutriplat.db import UnitOfWork
from nutriplat.delivery.planning.background import fail_stalled

log = logging.getLogger("nutriplat.worker")
MAINTENANCE_S = 60


class _Maintained:
    """Mixed into RQ's workers: our own sweep after RQ's (which retries abandoned jobs)."""

    factory: sessionmaker[Session]

    def run_maintenance_tasks(self) -> None:
        super().run_maintenance_tasks()  # type: ignore[misc]
        if stalled := fail_stalled(lambda: UnitOfWork(self.factory)):
            log.warning("%d route plan(s) whose solve stopped answering marked failed", stalled)


class SolveWorker(_Maintained, Worker):
    """The production worker: each job in a forked work horse, with our sweep after RQ's."""


class WorkHorseKilled(Exception):
    """The forked process running a job died (killed, out of memory) before the job ended."""


def _horse_killed(job: Job, _pid: int, status: int, _usage: object) -> None:
    """RQ calls no failure callback for a killed horse: the job's own (which knows whether a retry comes)."""
    error = WorkHorseKilled(f"its process ended with wait status {status}")
    job.execute_failure_callback(UnixSignalDeathPenalty, WorkHorseKilled, error, None)


class InProcessWorker(_Maintained, SimpleWorker):
    """Runs each job in the worker's own process (no fork): tests and debugging."""


def run_worker(factory: sessionmaker[Session], url: str, *, burst: bool = False, fork: bool = True) -> bool:
    """Work until stopped (SIGTERM: the running solve finishes first), or until the queues
    are empty with ``burst``."""
    queue.use_session_factory(factory)
    engine = factory.kw["bind"]
    # A forked horse must not share the worker's database connections.
    os.register_at_fork(after_in_child=lambda: engine.dispose(close=False))
    connection = queue.connect(url)
    kind = SolveWorker if fork else InProcessWorker
    worker = kind([queue.queue_name(k) for k in queue.QUEUES], connection=connection,
                  maintenance_interval=MAINTENANCE_S, work_horse_killed_handler=_horse_killed)
    worker.factory = factory
    return bool(worker.work(burst=burst))
