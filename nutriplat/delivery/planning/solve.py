"""Solving a queued plan: the same function runs in the web process's background thread,
in the scheduler's job and in the demo. Progress (fraction, best cost) goes onto the
plan row as the solver reports; a cancel request stops the search."""
from __future__ import annotations

import logging
import time
from collections.abc import Callable

from sqlalchemy import select, update

from nutriplat.db import UnitOfWork, utcnow
from nutriplat.delivery.domain.day_seconds import readable
from nutriplat.delivery.models import RoutePlan
from nutriplat.delivery.planning.problem import drop, matrix_of, problem_of, stop_key, store_route
from routing import Progress, ProblemError, Solution, SolverOptions, check, solve

log = logging.getLogger(__name__)
REPORT_EVERY_S = 0.5  # progress writes at most this often


def solve_plan(new_uow: Callable[[], UnitOfWork], plan_id: int) -> str:
    """Solve plan ``plan_id`` if it is queued; its final status."""
    with new_uow() as uow:
        plan = uow.session.get(RoutePlan, plan_id)
        if plan is None or plan.status != "queued":
            return plan.status if plan else "missing"
        if plan.cancel_requested:
            return _finish(new_uow, plan_id, "cancelled")
        plan.status, plan.started_at, plan.heartbeat_at = "running", utcnow(), utcnow()
        uow.commit()
        open_routes = [r for r in plan.routes if not r.locked]
        locked = {r.id for r in plan.routes if r.locked}
        stops = [s for s in plan.stops if s.route_id not in locked]
        time_limit = plan.time_limit_s
    try:
        if not open_routes or not stops:
            return _store(new_uow, plan_id, None)
        problem = problem_of(plan, open_routes, stops)
        matrix = matrix_of(problem)
        reporter = _Reporter(new_uow, plan_id)
        solution = solve(problem, matrix, SolverOptions(time_limit_s=time_limit, progress=reporter))
        if reporter.cancelled:
            return _finish(new_uow, plan_id, "cancelled")
        faults = check(problem, matrix, solution)
        if faults:  # never expected: the checker is independent of OR-Tools
            return _finish(new_uow, plan_id, "failed", "The plan failed its check: " + "; ".join(
                readable(f) for f in faults[:5]))
        return _store(new_uow, plan_id, solution)
    except ProblemError as error:
        return _finish(new_uow, plan_id, "failed", str(error))
    except Exception as error:  # a background run must end in a status, never hang as "running"
        log.exception("route plan %s failed", plan_id)
        return _finish(new_uow, plan_id, "failed", f"The solve failed: {error}")


def _store(new_uow: Callable[[], UnitOfWork], plan_id: int, solution: Solution | None) -> str:
    with new_uow() as uow:
        plan = uow.session.get_one(RoutePlan, plan_id)
        names = {v["van_id"]: v["name"] for v in plan.fleet["vans"]}
        by_key = {stop_key(s): s for s in plan.stops}
        by_vehicle = {r.vehicle_id: r for r in solution.routes} if solution else {}
        for route in (r for r in plan.routes if not r.locked):
            store_route(route, by_vehicle.get(names[route.van_id]), by_key)
        served = {v.stop_id for r in by_vehicle.values() for v in r.visits}
        reasons = {d.stop_id: d.reason for d in solution.dropped} if solution else {}
        locked = {r.id for r in plan.routes if r.locked}
        for key, stop in by_key.items():
            if key not in served and stop.route_id not in locked:
                drop(stop, reasons.get(key, "no van is free for it: every van's route is locked"))
        plan.status, plan.active_key, plan.progress, plan.finished_at = "done", None, 1.0, utcnow()
        if solution is not None:
            plan.best_cost, plan.solutions_found = solution.objective, solution.solutions_found
        uow.commit()
    return "done"


def _finish(new_uow: Callable[[], UnitOfWork], plan_id: int, status: str, error: str | None = None) -> str:
    with new_uow() as uow:
        uow.session.execute(update(RoutePlan).where(RoutePlan.id == plan_id).values(
            status=status, active_key=None, error=error, finished_at=utcnow()),
            execution_options={"synchronize_session": False})
        uow.commit()
    return status


class _Reporter:
    """Writes progress onto the plan (a plain UPDATE: the plan's version is for edits)
    and reads whether a cancel was asked for."""

    def __init__(self, new_uow: Callable[[], UnitOfWork], plan_id: int) -> None:
        self.new_uow, self.plan_id = new_uow, plan_id
        self.last, self.cancelled = 0.0, False

    def __call__(self, progress: Progress) -> bool | None:
        now = time.monotonic()
        if now - self.last < REPORT_EVERY_S and progress.fraction < 1.0:
            return False if self.cancelled else None
        self.last = now
        with self.new_uow() as uow:
            uow.session.execute(update(RoutePlan).where(RoutePlan.id == self.plan_id).values(
                progress=min(progress.fraction, 1.0), best_cost=progress.best_objective,
                solutions_found=progress.solutions_found, heartbeat_at=utcnow()),
                execution_options={"synchronize_session": False})
            self.cancelled = bool(uow.session.scalar(select(RoutePlan.cancel_requested).where(
                RoutePlan.id == self.plan_id)))
            uow.commit()
        return False if self.cancelled else None
