"""Route solves on the work queue, against the real Redis (NUTRIPLAT_TEST_REDIS_URL, default
redis://127.0.0.1:6379/0; `.ci/run` starts redis-server). Each test uses queues of its own
prefix, so parallel runs on one Redis never take each other's jobs."""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta
from multiprocessing.process import BaseProcess
from types import SimpleNamespace

import pytest
from redis import Redis
from redis.exceptions import RedisError
from rq import Queue
from sqlalchemy import select, update

from nutriplat import queue
from nutriplat.auth.actor import SYSTEM
from nutriplat.config import DETERMINISTIC_SOLVES
from nutriplat.db import make_engine, make_session_factory, utcnow
from nutriplat.delivery.models import RoutePlan
from nutriplat.delivery.plan_parts import route_plan_part
from nutriplat.delivery.planning import background
from nutriplat.delivery.planning.runs import start_plan
from nutriplat.jobs.attempts import RetryPolicy
from nutriplat.jobs.runner import run_job
from nutriplat.jobs.worker import run_worker
from tests.api.delivery_world import assert_feasible, solve

REDIS_URL = os.environ.get("NUTRIPLAT_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture
def work_queue(app, monkeypatch) -> Iterator[Queue]:
    try:
        Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except RedisError as error:
        pytest.skip(f"the work queue's tests need Redis at {REDIS_URL}, which is not reachable ({error})")
    monkeypatch.setenv(queue.QUEUE_URL, REDIS_URL)
    monkeypatch.setenv(queue.QUEUE_PREFIX, f"nutriplat-test-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    monkeypatch.setitem(app.config, "ROUTE_PLANS_INLINE", False)
    work = queue.queue(queue.SOLVES, REDIS_URL)
    yield work
    for registry in (work.started_job_registry, work.failed_job_registry, work.finished_job_registry):
        for job_id in registry.get_job_ids():
            registry.remove(job_id, delete_job=True)
    work.delete(delete_jobs=True)


def plan_of(scene: SimpleNamespace, plan_id: int) -> RoutePlan:
    with scene.uow() as uow:
        return uow.session.get_one(RoutePlan, plan_id)


def wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"waited {seconds} s for {what}"
        time.sleep(0.05)


def test_with_a_queue_the_web_process_only_enqueues_and_a_worker_solves(app, http, day, work_queue):
    plan = solve(http, day)
    assert plan["status"] == "queued" and work_queue.count == 1
    assert not [t for t in threading.enumerate() if t.name.startswith("route-plan-")]  # no solve here
    time.sleep(0.3)
    assert plan_of(day, plan["id"]).status == "queued"

    run_worker(app.extensions["nutriplat"].session_factory, REDIS_URL, burst=True, fork=False)
    assert plan_of(day, plan["id"]).status == "done" and work_queue.count == 0
    assert_feasible(day, plan["id"])


def _worker_process(database_url: str, wall_clock: bool = False) -> None:
    """A worker as `nutriplat jobs worker` runs it (a forked work horse per job), in a child
    of the test process, which keeps the suite's clock. ``wall_clock``: solves take their
    whole time limit (a deterministic budget may end a small day's search early)."""
    if wall_clock:
        os.environ.pop(DETERMINISTIC_SOLVES, None)
    run_worker(make_session_factory(make_engine(database_url)), REDIS_URL)


def _start_worker(database_url: str, wall_clock: bool = False) -> BaseProcess:
    worker = multiprocessing.get_context("fork").Process(target=_worker_process, args=(database_url, wall_clock),
                                                         daemon=True)
    worker.start()
    return worker


def _stop(worker: BaseProcess) -> None:
    worker.terminate()  # RQ's warm shutdown
    worker.join(10)
    if worker.is_alive():
        worker.kill()
        worker.join(10)


def _kill_horse(work_queue: Queue) -> int:
    job = work_queue.started_job_registry.get_job_ids()
    assert len(job) == 1
    fetched = work_queue.fetch_job(job[0])
    assert fetched is not None
    pid = int(fetched.get_meta()["pid"])
    os.kill(pid, signal.SIGKILL)
    return pid


def test_a_solve_killed_mid_run_is_run_again_and_a_second_kill_fails_the_plan(
        app, http, day, work_queue, database_url):
    worker = _start_worker(database_url, wall_clock=True)
    try:
        plan = solve(http, day, time_limit_s=300)  # runs 300 s unless killed

        def running_in_a_horse() -> bool:
            ids = work_queue.started_job_registry.get_job_ids()
            return bool(ids) and "pid" in (work_queue.fetch_job(ids[0]) or SimpleNamespace(get_meta=dict)).get_meta()

        wait_for(lambda: running_in_a_horse() and plan_of(day, plan["id"]).status == "running", 60, "the solve")
        first = _kill_horse(work_queue)
        # RQ runs the job again; the plan the dead run left "running" is taken back and solved anew.
        retry: list[int] = []

        def a_new_horse() -> bool:  # its pid kept: the registry may be read between two of its writes
            pid = _horse_pid(work_queue)
            if pid not in (None, first):
                retry.append(int(pid))
            return bool(retry)

        wait_for(a_new_horse, 60, "the retry")
        wait_for(lambda: plan_of(day, plan["id"]).status == "running", 60, "the retry's solve")
        os.kill(retry[0], signal.SIGKILL)
        wait_for(lambda: plan_of(day, plan["id"]).status != "running", 30, "the plan to fail")
        failed = plan_of(day, plan["id"])
        assert failed.status == "failed" and failed.active_key is None
        assert failed.error is not None and failed.error.startswith("The worker solving it stopped (WorkHorseKilled")
        assert solve(http, day)["status"] == "queued"  # the day is free to be planned again
    finally:
        if pid := _horse_pid(work_queue):  # a failed assertion above: no horse left solving
            os.kill(pid, signal.SIGKILL)
        _stop(worker)


def _horse_pid(work_queue: Queue) -> int | None:
    ids = work_queue.started_job_registry.get_job_ids()
    job = work_queue.fetch_job(ids[0]) if ids else None
    return job.get_meta().get("pid") if job else None


def test_a_plan_whose_solve_stopped_answering_fails_with_the_reason(http, day, app, work_queue):
    plan = solve(http, day)
    with day.uow() as uow:  # as a worker killed with its horse leaves it: running, silent for long
        uow.session.execute(update(RoutePlan).where(RoutePlan.id == plan["id"]).values(
            status="running", heartbeat_at=utcnow() - timedelta(seconds=plan["time_limit_s"] + 121)))
        uow.commit()
    assert background.fail_stalled(day.uow) == 1
    stalled = plan_of(day, plan["id"])
    assert stalled.status == "failed" and stalled.error == background.STOPPED.format(
        why="no sign of life since its last progress")
    assert background.fail_stalled(day.uow) == 0


def test_the_route_plans_job_has_each_depot_planned_in_a_worker(app, depot, tomorrow, work_queue, database_url):
    _, _, new_uow = depot
    factory = app.extensions["nutriplat"].session_factory
    parts = queue.queue(queue.PARTS, REDIS_URL)
    worker = _start_worker(database_url)
    try:
        result = run_job(factory, "route-plans", tomorrow, trigger="test", policy=RetryPolicy(retries=0))
    finally:
        _stop(worker)
    assert result.outcome == "succeeded"
    assert result.counts == {"plans": 1, "existing": 0, "not_planned": 0, "dropped_stops": 0}
    # the depot's part (reading its orders, the matrix, the solve) ran in the worker, not here
    assert parts.finished_job_registry.count == 1 and work_queue.finished_job_registry.count == 0
    with new_uow() as uow:
        plan = uow.session.scalars(select(RoutePlan).where(RoutePlan.delivery_date == tomorrow)).one()
        assert plan.status == "done" and plan.created_by is None
    for registry in (parts.started_job_registry, parts.failed_job_registry, parts.finished_job_registry):
        for job_id in registry.get_job_ids():
            registry.remove(job_id, delete_job=True)
    parts.delete(delete_jobs=True)


def test_a_route_plan_part_takes_back_the_plan_its_dead_run_left_running(depot, tomorrow):
    _, warehouse, new_uow = depot
    started = start_plan(new_uow(), SYSTEM, warehouse, tomorrow, 1)
    with new_uow() as uow:  # as a worker killed mid-solve leaves it
        uow.session.execute(update(RoutePlan).where(RoutePlan.id == started.id).values(status="running"))
        uow.commit()
    assert route_plan_part(new_uow, tomorrow, f"d{warehouse}") == {
        "plans": 1, "existing": 0, "not_planned": 0, "dropped_stops": 0}
    with new_uow() as uow:
        assert [p.id for p in uow.session.scalars(select(RoutePlan).where(RoutePlan.depot_id == warehouse))] == [
            started.id]
    assert route_plan_part(new_uow, tomorrow, f"d{warehouse}")["existing"] == 1  # solved: left alone


def test_a_queue_that_cannot_be_reached_fails_the_plan_at_once_with_the_reason(app, http, day, monkeypatch):
    monkeypatch.setenv(queue.QUEUE_URL, "redis://127.0.0.1:1/0")  # nothing listens there
    monkeypatch.setitem(app.config, "ROUTE_PLANS_INLINE", False)
    plan = solve(http, day)
    failed = plan_of(day, plan["id"])
    assert failed.status == "failed" and failed.active_key is None
    assert failed.error is not None and failed.error.startswith("The work queue could not take the solve")
