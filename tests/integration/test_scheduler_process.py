"""The scheduler process: only registered jobs are scheduled, a missed period is caught
up once at start, and SIGTERM stops it cleanly."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from nutriplat import migrate
from nutriplat.clock import BRUSSELS
from nutriplat.db import UnitOfWork
from nutriplat.jobs.models import JobRun
from nutriplat.jobs.registry import JOBS, Job
from nutriplat.jobs.runner import RetryPolicy
from scheduler.process import Runtime, build
from scheduler.schedule import Entry

ROOT = Path(__file__).resolve().parents[2]


class CountingJob(Job):
    def function(self):  # type: ignore[no-untyped-def]
        return lambda new_uow, period: {"periods": 1}


@pytest.fixture
def runtime(app, monkeypatch):
    monkeypatch.setitem(JOBS, "nightly-test", CountingJob("nightly-test", "date", "unused:unused", "test"))
    return Runtime(app.extensions["nutriplat"].session_factory, RetryPolicy(retries=0, backoff_seconds=0))


NIGHTLY = Entry("nightly-test", {"hour": 2, "minute": 0}, lambda d: d, "02:00")


def periods(runtime: Runtime) -> list[tuple[str, str, str]]:
    with UnitOfWork(runtime.factory) as uow:
        return [(r.period_key, r.outcome, r.trigger) for r in uow.session.scalars(select(JobRun).order_by(JobRun.id))]


def test_catch_up_runs_the_last_missed_period_once(runtime):
    # Down since Thursday, started on Monday 23 November at 09:00: only Monday's period runs.
    now = datetime(2026, 11, 23, 9, 0, tzinfo=BRUSSELS)
    [result] = runtime.catch_up([NIGHTLY], now)
    assert (result.outcome, result.period_key) == ("succeeded", "2026-11-23")
    assert runtime.catch_up([NIGHTLY], now)[0].outcome == "skipped"  # a second start: nothing to do
    assert periods(runtime) == [("2026-11-23", "succeeded", "catch-up")]
    # The scheduled firing at 02:00 the next day runs the next period.
    assert runtime.fire(NIGHTLY, datetime(2026, 11, 24, 2, 0, tzinfo=BRUSSELS)).period_key == "2026-11-24"


def test_only_registered_jobs_are_scheduled(runtime, caplog):
    missing = Entry("not-installed", {"hour": 14}, lambda d: d, "14:00")
    scheduler, active = build(runtime, [NIGHTLY, missing])
    assert [e.job for e in active] == ["nightly-test"]
    assert [job.id for job in scheduler.get_jobs()] == ["nightly-test"]
    assert "'not-installed' is not registered" in caplog.text


def test_the_process_catches_up_and_stops_on_sigterm(tmp_path, is_postgres):
    if is_postgres:
        pytest.skip("runs on its own SQLite file")
    url = f"sqlite:///{tmp_path / 'scheduler.sqlite3'}"
    migrate.upgrade(url)
    env = os.environ | {"NUTRIPLAT_DATABASE_URL": url, "NUTRIPLAT_JOB_RETRIES": "0"}
    process = subprocess.Popen([sys.executable, "-m", "scheduler"], cwd=ROOT, env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    watchdog = threading.Timer(120, process.kill)  # a hung process ends the test, not CI
    watchdog.start()
    try:
        lines = []
        for line in process.stdout:  # until the schedule runs (or the process ends)
            lines.append(line)
            if "Scheduler started" in line:
                break
        process.send_signal(signal.SIGTERM)
        try:
            rest, _ = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            rest, _ = process.communicate()
            pytest.fail("the scheduler did not stop within 30 s of SIGTERM:\n" + "".join(lines) + rest)
    finally:
        watchdog.cancel()
        process.kill()
    output = "".join(lines) + rest
    assert process.returncode == 0, output
    assert "scheduled reorder" in output and "scheduler stopped" in output
    assert "(catch-up)" in output and "SIGTERM: stopping" in output
