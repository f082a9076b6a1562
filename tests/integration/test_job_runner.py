"""The job runner: once per period, retried then recorded failed, the CLI on the same
path, and two runners with their own engines racing on PostgreSQL."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest
from click.testing import CliRunner
from flask.cli import ScriptInfo
from sqlalchemy import select

from nutriplat.cli import main as cli
from nutriplat.db import UnitOfWork, make_engine, make_session_factory
from nutriplat.errors import InvalidInput
from nutriplat.jobs import runs
from nutriplat.jobs.models import JobRun
from nutriplat.jobs.registry import JOBS, Job
from nutriplat.jobs.runner import RetryPolicy, run_job
from nutriplat.periods import Month

DAY = date(2026, 11, 24)
NO_WAIT = RetryPolicy(retries=2, backoff_seconds=0)


@dataclass(frozen=True)
class ScriptedJob(Job):
    """A job whose function is given, not imported: fails ``failures`` times, then counts."""
    failures: int = 0
    pause: float = 0.0
    calls: list[Any] = field(default_factory=list, compare=False)

    def function(self):  # type: ignore[no-untyped-def]
        def work(new_uow, period):  # type: ignore[no-untyped-def]
            self.calls.append(period)
            time.sleep(self.pause)
            if len(self.calls) <= self.failures:
                raise RuntimeError(f"supplier feed down (call {len(self.calls)})")
            return {"orders": 3}
        return work


@pytest.fixture
def factory(app):
    return app.extensions["nutriplat"].session_factory


def scripted(monkeypatch, **kwargs) -> ScriptedJob:  # type: ignore[no-untyped-def]
    job = ScriptedJob("test-job", "date", "unused:unused", "a scripted job", **kwargs)
    monkeypatch.setitem(JOBS, job.name, job)
    return job


def stored(factory) -> list[JobRun]:  # type: ignore[no-untyped-def]
    with UnitOfWork(factory) as uow:
        return list(uow.session.scalars(select(JobRun).order_by(JobRun.attempt)))


def test_a_second_run_of_a_period_is_a_no_op(factory, monkeypatch):
    job = scripted(monkeypatch)
    first = run_job(factory, job.name, DAY, policy=NO_WAIT)
    second = run_job(factory, job.name, DAY, policy=NO_WAIT, trigger="schedule")
    assert (first.outcome, first.counts) == ("succeeded", {"orders": 3})
    assert second.outcome == "skipped" and "already succeeded" in second.reason
    assert len(job.calls) == 1
    [run] = stored(factory)
    assert (run.outcome, run.period_key, run.counts, run.trigger) == ("succeeded", "2026-11-24", {"orders": 3}, "cli")
    assert run.finished_at >= run.started_at and run.active_key == "test-job/2026-11-24"


def test_a_failing_job_is_retried_then_recorded_failed(factory, monkeypatch):
    job, pauses = scripted(monkeypatch, failures=99), []
    result = run_job(factory, job.name, DAY, policy=RetryPolicy(retries=2, backoff_seconds=0.5), sleep=pauses.append)
    assert result.outcome == "failed" and result.attempts == 3 and "supplier feed down (call 3)" in result.reason
    assert pauses == [0.5, 1.0]  # the pause doubles
    runs_ = stored(factory)
    assert [(r.attempt, r.outcome, r.active_key) for r in runs_] == [(1, "failed", None), (2, "failed", None),
                                                                   (3, "failed", None)]
    assert all("RuntimeError: supplier feed down" in r.error and r.finished_at for r in runs_)
    # The period stays open: a later run (the next start's catch-up) succeeds as attempt 4.
    job.calls.clear()
    object.__setattr__(job, "failures", 0)
    assert run_job(factory, job.name, DAY, policy=NO_WAIT).outcome == "succeeded"
    assert stored(factory)[-1].attempt == 4


def test_a_job_that_recovers_on_a_retry_succeeds(factory, monkeypatch):
    job = scripted(monkeypatch, failures=1)
    result = run_job(factory, job.name, DAY, policy=NO_WAIT)
    assert (result.outcome, result.attempts) == ("succeeded", 2)
    assert [r.outcome for r in stored(factory)] == ["failed", "succeeded"]


def test_a_refused_period_is_not_retried(factory, monkeypatch):
    def refuse(new_uow, period):  # type: ignore[no-untyped-def]
        raise InvalidInput("Month not complete.", {"month": ["2999-01 is not complete yet."]})
    monkeypatch.setattr(ScriptedJob, "function", lambda self: refuse)
    job = scripted(monkeypatch)
    result = run_job(factory, job.name, Month.parse("2999-01"), policy=NO_WAIT)
    assert result.outcome == "failed" and result.attempts == 1 and "not complete" in result.reason
    assert [(r.period_key, r.outcome) for r in stored(factory)] == [("2999-01", "failed")]


def test_the_database_refuses_a_second_active_attempt(factory):
    assert runs.start_attempt(factory, "reorder", "2026-11-24", "cli") is not None
    assert runs.start_attempt(factory, "reorder", "2026-11-24", "schedule") is None
    assert runs.abandon_running(factory) == 1  # what the SQLite scheduler does at start
    assert runs.start_attempt(factory, "reorder", "2026-11-24", "schedule").attempt == 2


def test_the_cli_records_its_run_and_skips_a_done_period(app, factory, monkeypatch):
    job = scripted(monkeypatch)
    invoke = lambda: CliRunner().invoke(  # noqa: E731
        cli, ["jobs", "run", job.name, "--date", "2026-11-24"], obj=ScriptInfo(create_app=lambda: app))
    first, second = invoke(), invoke()
    assert first.exit_code == 0 and "test-job 2026-11-24: 3 orders." in first.output
    assert second.exit_code == 0 and "already succeeded" in second.output
    assert len(job.calls) == 1 and [r.trigger for r in stored(factory)] == ["cli"]


def test_two_runners_on_postgresql_run_a_period_once(app, database_url, is_postgres, monkeypatch):
    if not is_postgres:
        pytest.skip("the advisory lock is PostgreSQL's; SQLite serves one process")
    job = scripted(monkeypatch, pause=0.5)
    engines = [make_engine(database_url) for _ in range(2)]
    barrier, results = threading.Barrier(2), [None, None]

    def runner(i: int) -> None:
        barrier.wait()
        results[i] = run_job(make_session_factory(engines[i]), job.name, DAY, trigger="schedule", policy=NO_WAIT)

    threads = [threading.Thread(target=runner, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for engine in engines:
        engine.dispose()
    assert sorted(r.outcome for r in results) == ["skipped", "succeeded"]
    assert len(job.calls) == 1
    assert [(r.outcome, r.attempt) for r in stored(app.extensions["nutriplat"].session_factory)] == [("succeeded", 1)]


def test_a_period_locked_by_another_runner_is_skipped_and_a_dead_runners_row_taken_over(
        app, database_url, is_postgres, factory, monkeypatch):
    if not is_postgres:
        pytest.skip("the advisory lock is PostgreSQL's")
    from nutriplat.jobs.locks import period_lock
    job = scripted(monkeypatch)
    other = make_engine(database_url)
    try:
        with period_lock(other, job.name, "2026-11-24") as locked:
            assert locked
            result = run_job(factory, job.name, DAY, policy=NO_WAIT)
        assert result.outcome == "skipped" and "lock" in result.reason and not job.calls
        # A 'running' row without a lock holder was left by a process that died.
        runs.start_attempt(factory, job.name, "2026-11-24", "schedule")
        assert run_job(factory, job.name, DAY, policy=NO_WAIT).outcome == "succeeded"
        assert [(r.attempt, r.outcome) for r in stored(factory)] == [(1, "failed"), (2, "succeeded")]
    finally:
        other.dispose()
