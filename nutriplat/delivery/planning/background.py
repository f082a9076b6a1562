"""Where a solve runs: on the work queue when one is configured (``NUTRIPLAT_QUEUE_URL``:
a worker process solves, the web process never does); else in a daemon thread of the
process that asked (the POST answers 202 at once); or inline (tests, so they are
deterministic). The job and the demo call ``solve.solve_plan`` directly.

A worker killed mid-solve: RQ runs the job once more (``RETRIES``) and the plan, left
"running" by the dead run, is taken back (``_take_back``); when that run dies too, or the
queue gives up on it, the plan fails with the reason (``solve_failed``, ``fail_stalled``)."""
from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from redis.exceptions import RedisError
from rq import get_current_job
from sqlalchemy import select, update

from nutriplat import queue
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.delivery.models import RoutePlan
from nutriplat.delivery.planning.solve import solve_plan
from nutriplat.delivery.vocabulary import STALE_AFTER_S

log = logging.getLogger(__name__)
RETRIES = 1
STOPPED = "The worker solving it stopped ({why}); start the plan again."


def solve_later(new_uow: Callable[[], UnitOfWork], plan_id: int, inline: bool) -> None:
    if inline:
        solve_plan(new_uow, plan_id)
        return
    if url := queue.queue_url():
        with new_uow() as uow:
            time_limit = uow.session.get_one(RoutePlan, plan_id).time_limit_s
        try:
            queue.enqueue(url, queue.SOLVES, f"{__name__}.solve_queued", plan_id,
                          timeout_s=time_limit + STALE_AFTER_S, retries=RETRIES,
                          on_failure=f"{__name__}.solve_failed", description=f"route plan {plan_id}")
        except RedisError as error:  # the plan says so at once rather than wait queued for nobody
            log.error("route plan %s: the work queue is not reachable: %s", plan_id, error)
            _fail(new_uow(), RoutePlan.id == plan_id, f"The work queue could not take the solve ({error}); "
                                                      "start the plan again.")
        return
    # A run whose process dies is taken for dead after its time limit (runs.STALE_AFTER_S).
    threading.Thread(target=solve_plan, args=(new_uow, plan_id), name=f"route-plan-{plan_id}", daemon=True).start()


def solve_queued(plan_id: int) -> str:
    """The queue's job, in a worker process."""
    factory = queue.worker_session_factory()

    def new_uow() -> UnitOfWork:
        return UnitOfWork(factory)

    job = get_current_job()
    if job is not None:
        if "pid" in job.meta:  # this job ran before, in a worker that died
            _take_back(new_uow, plan_id)
        job.meta["pid"] = os.getpid()
        job.save_meta()
    return solve_plan(new_uow, plan_id)


def _take_back(new_uow: Callable[[], UnitOfWork], plan_id: int) -> None:
    """The plan its dead run left "running" is queued again (a cancel asked meanwhile still holds)."""
    with new_uow() as uow:
        uow.session.execute(update(RoutePlan).where(RoutePlan.id == plan_id, RoutePlan.status == "running")
                            .values(status="queued", progress=0.0), execution_options={"synchronize_session": False})
        uow.commit()


def solve_failed(job: Any, _connection: Any, kind: type, value: BaseException, _traceback: Any) -> None:
    """RQ's failure callback (in the worker, or in the worker that found the job abandoned).
    With a retry to come, the plan waits for it."""
    if job.retries_left:
        return
    why = "it was abandoned" if kind.__name__ == "AbandonedJobError" else f"{kind.__name__}: {value}"
    _fail(UnitOfWork(queue.worker_session_factory()), RoutePlan.id == job.args[0], STOPPED.format(why=why))


def fail_stalled(new_uow: Callable[[], UnitOfWork]) -> int:
    """Every running plan whose solve stopped reporting (its process died: no heartbeat for
    longer than its time limit and ``STALE_AFTER_S``) fails with the reason; how many.
    Each worker runs it on its maintenance round."""
    with new_uow() as uow:
        now = utcnow()
        running = uow.session.scalars(select(RoutePlan).where(RoutePlan.status == "running"))
        stalled = [plan.id for plan in running if now - (plan.heartbeat_at or plan.created_at)
                   > timedelta(seconds=plan.time_limit_s + STALE_AFTER_S)]
    if stalled:
        _fail(new_uow(), RoutePlan.id.in_(stalled), STOPPED.format(why="no sign of life since its last progress"))
    return len(stalled)


def _fail(uow: UnitOfWork, which: Any, reason: str) -> None:
    with uow:  # only a run still open: a solve that ended keeps its own status
        uow.session.execute(update(RoutePlan).where(which, RoutePlan.status.in_(("queued", "running"))).values(
            status="failed", active_key=None, error=reason, finished_at=utcnow()),
            execution_options={"synchronize_session": False})
        uow.commit()
