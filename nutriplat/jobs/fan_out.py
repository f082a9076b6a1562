"""A job split into parts (``registry.FAN_OUTS``): with a work queue (``NUTRIPLAT_QUEUE_URL``)
every part not done yet goes on the ``parts`` queue at once and the worker processes share
them; without one, the parts run here one after the other, as the job ran before.

Each part runs exactly once per period: its run is a ``job_runs`` row named "job/part",
guarded like a job's (``attempts.run_once``). A part that fails is recorded with its error
and the job fails naming it; the job's retry runs only the parts not done. A worker killed
mid-part: RQ runs the part once more (``RETRIES``), and the new run takes over the row the
dead one left "running"; when that fails too, or the queue finds the part abandoned, the part
fails with the reason (``part_failed``)."""
from __future__ import annotations

import logging
import time
from collections import Counter
from typing import Any

from redis.exceptions import RedisError
from rq.job import Job as QueuedJob
from rq.job import JobStatus
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from nutriplat import queue
from nutriplat.db import UnitOfWork
from nutriplat.jobs import runs
from nutriplat.jobs.attempts import RetryPolicy, RunResult, period_key, run_once
from nutriplat.jobs.models import JobRun
from nutriplat.jobs.registry import FAN_OUTS, JOBS, Period, load, parse_period

log = logging.getLogger("nutriplat.jobs")
PART_TIMEOUT_S = 1_800  # a part's longest run: beyond it the queue takes its worker for dead
RETRIES = 1  # runs after a killed worker's
WAIT_POLL_S = 0.5
OVER = {JobStatus.FINISHED, JobStatus.FAILED, JobStatus.CANCELED, JobStatus.STOPPED}
STOPPED = "The worker running this part stopped ({why}); the job's next run does it again."


class PartsFailed(Exception):
    """Some parts did not succeed: the job fails (and is retried) naming them."""


def part_name(job: str, key: str) -> str:
    return f"{job}/{key}"


def run(factory: sessionmaker[Session], name: str, period: Period, trigger: str) -> dict[str, Any]:
    """Every part of ``name`` for ``period``, then its finish; the parts' counts summed."""
    fan_out, key = FAN_OUTS[name], period_key(period)
    parts: list[str] = load(fan_out.parts)(lambda: UnitOfWork(factory), period)
    if url := queue.queue_url():
        _on_queue(factory, url, name, key, parts)
    else:
        for part in parts:
            run_part(factory, name, key, part, trigger)
    latest = _latest(factory, name, key, parts)
    failed = [p for p in parts if latest.get(p) is None or latest[p].outcome != "succeeded"]
    if failed:
        raise PartsFailed(f"{len(failed)} of {len(parts)} parts of {name} {key} did not succeed: " + "; ".join(
            f"{p}: {_why(latest.get(p))}" for p in failed))
    counts: Counter[str] = Counter()
    for part in parts:
        counts.update(latest[part].counts or {})
    if fan_out.finish:
        counts.update(load(fan_out.finish)(lambda: UnitOfWork(factory), period))
    return dict(counts)


def run_part(factory: sessionmaker[Session], name: str, key: str, part: str, trigger: str) -> RunResult:
    period = parse_period(JOBS[name].period, key)
    do = load(FAN_OUTS[name].part)
    # No retry here: the job's own retry (or the queue's, for a killed worker) runs it again.
    return run_once(factory, part_name(name, part), key, lambda: do(lambda: UnitOfWork(factory), period, part),
                    trigger=trigger, policy=RetryPolicy(retries=0))


def run_queued(name: str, key: str, part: str) -> str:
    """The queue's job, in a worker process."""
    return run_part(queue.worker_session_factory(), name, key, part, "queue").describe()


def part_failed(job: Any, _connection: Any, kind: type, value: BaseException, _traceback: Any) -> None:
    """RQ's failure callback: the part's run, killed or abandoned with no retry left, fails with the reason."""
    if job.retries_left:
        return
    name, key, part = job.args
    why = "it was abandoned" if kind.__name__ == "AbandonedJobError" else f"{kind.__name__}: {value}"
    factory = queue.worker_session_factory()
    reason = STOPPED.format(why=why)
    if runs.abandon_running(factory, part_name(name, part), key, reason):
        return
    # It died before its run started: the part's failure is recorded all the same.
    if (run := runs.start_attempt(factory, part_name(name, part), key, "queue")) is not None:
        runs.finish(factory, run, None, reason)


def _on_queue(factory: sessionmaker[Session], url: str, name: str, key: str, parts: list[str]) -> None:
    """Enqueue the parts not done yet and wait until the queue is through with each; a wait
    in which no part ends for ``PART_TIMEOUT_S`` gives up (no worker is taking them)."""
    latest = _latest(factory, name, key, parts)
    todo = [p for p in parts if latest.get(p) is None or latest[p].outcome != "succeeded"]
    try:
        queued = [queue.enqueue(url, queue.PARTS, f"{__name__}.run_queued", name, key, part,
                                timeout_s=PART_TIMEOUT_S, retries=RETRIES, on_failure=f"{__name__}.part_failed",
                                description=f"{name} {key} part {part}").id for part in todo]
    except RedisError as error:
        raise PartsFailed(f"The work queue could not take the parts of {name} {key}: {error}") from error
    connection, over, changed = queue.connect(url), 0, time.monotonic()
    while queued:
        jobs = QueuedJob.fetch_many(queued, connection=connection)
        queued = [i for i, job in zip(queued, jobs, strict=True) if job is not None and job.get_status() not in OVER]
        if len(todo) - len(queued) != over:
            over, changed = len(todo) - len(queued), time.monotonic()
            log.info("%s %s: %d of %d parts done", name, key, over, len(todo))
        elif time.monotonic() - changed > PART_TIMEOUT_S:
            log.error("%s %s: no part ended for %d s; %d parts still queued", name, key, PART_TIMEOUT_S, len(queued))
            return
        time.sleep(WAIT_POLL_S)


def _latest(factory: sessionmaker[Session], name: str, key: str, parts: list[str]) -> dict[str, JobRun]:
    """Each part's latest attempt."""
    names = {part_name(name, p): p for p in parts}
    with UnitOfWork(factory) as uow:
        newest = (select(JobRun.job, func.max(JobRun.attempt).label("attempt"))
                  .where(JobRun.job.in_(names), JobRun.period_key == key).group_by(JobRun.job).subquery())
        rows = uow.session.scalars(select(JobRun).join(newest, (JobRun.job == newest.c.job)
                                                       & (JobRun.attempt == newest.c.attempt))
                                   .where(JobRun.period_key == key))
        return {names[r.job]: r for r in rows}


def _why(run: JobRun | None) -> str:
    if run is None:
        return "never started (no worker took it?)"
    if run.outcome == "running":
        return "still running"
    return (run.error or "failed").splitlines()[0]

