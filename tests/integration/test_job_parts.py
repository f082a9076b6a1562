"""Nightly jobs split into parts (nutriplat.jobs.fan_out): in-process without a queue, in
worker processes on the real Redis with one (NUTRIPLAT_TEST_REDIS_URL, default
redis://127.0.0.1:6379/0; queues of a prefix of their own), each part once per day, and a
worker killed mid-part: its part run again, or failed with the reason."""
from __future__ import annotations

import multiprocessing
import os
import signal
import uuid
from collections.abc import Iterator
from datetime import date
from multiprocessing.process import BaseProcess
from pathlib import Path

import pytest
from redis import Redis
from redis.exceptions import RedisError
from rq import Queue
from sqlalchemy import select

from nutriplat import queue
from nutriplat.db import UnitOfWork, make_engine, make_session_factory
from nutriplat.jobs import fan_out
from nutriplat.jobs.models import JobRun
from nutriplat.jobs.registry import FAN_OUTS, JOBS, FanOut, Job
from nutriplat.jobs.runner import RetryPolicy, run_job
from nutriplat.jobs.worker import run_worker
from nutriplat.parts import client_range

REDIS_URL = os.environ.get("NUTRIPLAT_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
DAY = date(2026, 12, 7)
ONCE = RetryPolicy(retries=0)
SCRIPT = "NUTRIPLAT_TEST_PARTS_DIR"  # where each part finds what to do and leaves a mark per run
HERE = "tests.integration.test_job_parts"


def slices(new_uow, day):  # type: ignore[no-untyped-def]
    return ["c0", "c1000", "c2000"]


def do_slice(new_uow, day, key):  # type: ignore[no-untyped-def]
    """A part as the script in its folder says: succeed (counting), fail, or die with its process."""
    folder = Path(os.environ[SCRIPT])
    (folder / f"{key}.{os.getpid()}.{uuid.uuid4().hex[:6]}.ran").touch()
    behaviour = (folder / key).read_text() if (folder / key).exists() else ""
    if behaviour == "fail":
        raise RuntimeError(f"bad data in {key}")
    if behaviour in ("die", "die-once"):
        if behaviour == "die-once":
            (folder / key).write_text("")
        os.kill(os.getpid(), signal.SIGKILL)
    return {"clients evaluated": client_range(key)[0] // 1000 + 1}


def totals(new_uow, day):  # type: ignore[no-untyped-def]
    return {"goals reviewed": 2}


@pytest.fixture
def factory(app):
    return app.extensions["nutriplat"].session_factory


@pytest.fixture
def parted(monkeypatch, tmp_path) -> Path:
    """A job of three parts whose behaviour the test writes into the returned folder."""
    monkeypatch.setitem(JOBS, "test-parts", Job("test-parts", "date", "unused:unused", "a job in three parts"))
    monkeypatch.setitem(FAN_OUTS, "test-parts", FanOut(f"{HERE}:slices", f"{HERE}:do_slice", f"{HERE}:totals"))
    monkeypatch.setenv(SCRIPT, str(tmp_path))
    monkeypatch.delenv(queue.QUEUE_URL, raising=False)
    return tmp_path


def runs_of(folder: Path, key: str) -> int:
    return len(list(folder.glob(f"{key}.*.ran")))


def stored(factory) -> dict[str, list[tuple[int, str]]]:  # type: ignore[no-untyped-def]
    with UnitOfWork(factory) as uow:
        rows = uow.session.scalars(select(JobRun).where(JobRun.period_key == "2026-12-07")
                                   .order_by(JobRun.job, JobRun.attempt))
        out: dict[str, list[tuple[int, str]]] = {}
        for row in rows:
            out.setdefault(row.job, []).append((row.attempt, row.outcome))
        return out


def test_without_a_queue_the_parts_run_here_once_each_then_the_finish(factory, parted):
    result = run_job(factory, "test-parts", DAY, policy=ONCE)
    assert (result.outcome, result.counts) == ("succeeded", {"clients evaluated": 6, "goals reviewed": 2})
    assert stored(factory) == {"test-parts": [(1, "succeeded")], "test-parts/c0": [(1, "succeeded")],
                               "test-parts/c1000": [(1, "succeeded")], "test-parts/c2000": [(1, "succeeded")]}
    assert [runs_of(parted, k) for k in ("c0", "c1000", "c2000")] == [1, 1, 1]
    assert run_job(factory, "test-parts", DAY, policy=ONCE).outcome == "skipped"


def test_a_failing_part_fails_the_job_naming_it_and_the_retry_runs_only_that_part(factory, parted):
    (parted / "c1000").write_text("fail")
    result = run_job(factory, "test-parts", DAY, policy=ONCE)
    assert result.outcome == "failed"
    assert result.reason == ("nutriplat.jobs.fan_out.PartsFailed: 1 of 3 parts of test-parts 2026-12-07 "
                             "did not succeed: c1000: RuntimeError: bad data in c1000")
    (parted / "c1000").write_text("")  # the data mended: the next run (the scheduler's retry) completes it
    again = run_job(factory, "test-parts", DAY, policy=ONCE)
    assert (again.outcome, again.counts) == ("succeeded", {"clients evaluated": 6, "goals reviewed": 2})
    assert [runs_of(parted, k) for k in ("c0", "c1000", "c2000")] == [1, 2, 1]  # c0 and c2000 once each
    assert stored(factory)["test-parts/c1000"] == [(1, "failed"), (2, "succeeded")]


@pytest.fixture
def parts_queue(parted, monkeypatch) -> Iterator[Queue]:
    try:
        Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except RedisError as error:
        pytest.skip(f"the work queue's tests need Redis at {REDIS_URL}, which is not reachable ({error})")
    monkeypatch.setenv(queue.QUEUE_URL, REDIS_URL)
    monkeypatch.setenv(queue.QUEUE_PREFIX, f"h7-parts-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    work = queue.queue(queue.PARTS, REDIS_URL)
    yield work
    for registry in (work.started_job_registry, work.failed_job_registry, work.finished_job_registry):
        for job_id in registry.get_job_ids():
            registry.remove(job_id, delete_job=True)
    work.delete(delete_jobs=True)


def _worker(database_url: str) -> None:
    run_worker(make_session_factory(make_engine(database_url)), REDIS_URL)


def start_workers(database_url: str, n: int = 2) -> list[BaseProcess]:
    """Workers as `nutriplat jobs worker` runs them (a forked work horse per part), children of the test."""
    workers = [multiprocessing.get_context("fork").Process(target=_worker, args=(database_url,), daemon=True)
               for _ in range(n)]
    for worker in workers:
        worker.start()
    return workers


def stop(workers: list[BaseProcess]) -> None:
    for worker in workers:
        worker.terminate()  # RQ's warm shutdown
    for worker in workers:
        worker.join(10)
        if worker.is_alive():
            worker.kill()
            worker.join(10)


def test_with_a_queue_the_workers_run_the_parts_and_the_job_waits_for_them(factory, parted, parts_queue,
                                                                           database_url):
    workers = start_workers(database_url)
    try:
        result = run_job(factory, "test-parts", DAY, policy=ONCE)
    finally:
        stop(workers)
    assert (result.outcome, result.counts) == ("succeeded", {"clients evaluated": 6, "goals reviewed": 2})
    assert parts_queue.finished_job_registry.count == 3
    with UnitOfWork(factory) as uow:
        parts = list(uow.session.scalars(select(JobRun).where(JobRun.job.like("test-parts/%"))))
    assert {p.trigger for p in parts} == {"queue"} and len(parts) == 3
    assert all(not p.runner.endswith(f":{os.getpid()}") for p in parts)  # not in the job's own process
    assert run_job(factory, "test-parts", DAY, policy=ONCE).outcome == "skipped"


# A dead run's row is taken over under PostgreSQL's advisory lock; SQLite serves one process.
@pytest.mark.postgres_only
def test_a_part_whose_worker_is_killed_is_run_again(factory, parted, parts_queue, database_url):
    (parted / "c2000").write_text("die-once")
    workers = start_workers(database_url)
    try:
        result = run_job(factory, "test-parts", DAY, policy=ONCE)
    finally:
        stop(workers)
    assert (result.outcome, result.counts) == ("succeeded", {"clients evaluated": 6, "goals reviewed": 2})
    assert runs_of(parted, "c2000") == 2 and runs_of(parted, "c0") == 1
    assert stored(factory)["test-parts/c2000"][-1] == (2, "succeeded")


# A dead run's row is taken over under PostgreSQL's advisory lock; SQLite serves one process.
@pytest.mark.postgres_only
def test_a_part_killed_twice_fails_with_the_reason_and_the_job_names_it(factory, parted, parts_queue,
                                                                        database_url):
    (parted / "c0").write_text("die")
    workers = start_workers(database_url)
    try:
        result = run_job(factory, "test-parts", DAY, policy=ONCE)
    finally:
        stop(workers)
    assert result.outcome == "failed" and runs_of(parted, "c0") == 2
    assert result.reason is not None and "1 of 3 parts" in result.reason
    assert "c0: The worker running this part stopped (WorkHorseKilled" in result.reason
    with UnitOfWork(factory) as uow:
        last = uow.session.scalars(select(JobRun).where(JobRun.job == "test-parts/c0")
                                   .order_by(JobRun.attempt.desc())).first()
    assert last is not None and last.outcome == "failed" and last.active_key is None
    assert fan_out.STOPPED.split(" (")[0] in (last.error or "")
