"""``route-plans`` in parts: one part per depot with open orders on the delivery date
(``"d7"``). A part does the whole of its depot's plan where it runs (in a worker process
when a work queue is configured): it reads the day's orders, builds the matrix and solves,
so the job's own process only waits; five depots on two workers take three rounds of the
time limit, and no depot's reading waits for the one before it.

One plan per depot and date: a depot with a plan already (being solved, solved or
published) is left alone, so a second run changes nothing; a failed or cancelled run is
tried again. A plan this job started and left queued or running (its worker was killed
mid-solve) is taken back and solved anew by the part's next run."""
from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Callable
from datetime import date

from sqlalchemy import select, update

from nutriplat.auth.actor import SYSTEM
from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import DeliveryOrder, Depot, RoutePlan
from nutriplat.delivery.planning.runs import start_plan
from nutriplat.delivery.planning.solve import solve_plan
from nutriplat.delivery.vocabulary import OPEN_ORDER_STATUSES
from nutriplat.errors import DomainError
from nutriplat.parts import prefix_id

log = logging.getLogger(__name__)
KEPT = ("queued", "running", "done")
OPEN = ("queued", "running")


def time_limit_s() -> float:
    """Seconds per depot (NUTRIPLAT_ROUTE_PLAN_TIME_LIMIT_S, default 30)."""
    return float(os.environ.get("NUTRIPLAT_ROUTE_PLAN_TIME_LIMIT_S", "30"))


def route_plans(new_uow: Callable[[], UnitOfWork], day: date) -> dict[str, int]:
    """Every depot's part here, one after the other (the job runner spreads them over the
    workers instead when a work queue is configured)."""
    counts: Counter[str] = Counter({"plans": 0, "existing": 0, "not_planned": 0, "dropped_stops": 0})
    for key in route_plan_parts(new_uow, day):
        counts.update(route_plan_part(new_uow, day, key))
    return dict(counts)


def route_plan_parts(new_uow: Callable[[], UnitOfWork], day: date) -> list[str]:
    """A part per depot with open delivery orders on ``day``."""
    with new_uow() as uow:
        return [f"d{depot_id}" for depot_id in uow.session.scalars(
            select(Depot.warehouse_id).where(Depot.warehouse_id.in_(
                select(DeliveryOrder.warehouse_id).where(DeliveryOrder.delivery_date == day,
                                                         DeliveryOrder.status.in_(OPEN_ORDER_STATUSES))))
            .order_by(Depot.warehouse_id))]


def route_plan_part(new_uow: Callable[[], UnitOfWork], day: date, key: str) -> dict[str, int]:
    """The depot's plan for ``day``: started (orders read, stops made) and solved here."""
    depot_id = prefix_id(key)
    counts = {"plans": 0, "existing": 0, "not_planned": 0, "dropped_stops": 0}
    plan_id = _left_by_this_job(new_uow, depot_id, day)
    if plan_id is None:
        if _planned(new_uow, depot_id, day):
            return counts | {"existing": 1}
        try:
            plan_id = start_plan(new_uow(), SYSTEM, depot_id, day, time_limit_s()).id
        except DomainError as error:  # no vans, clients without coordinates, ...: named in the log
            log.warning("route-plans %s depot %s: %s %s", day, depot_id, error.message, error.errors)
            return counts | {"not_planned": 1}
    if solve_plan(new_uow, plan_id) != "done":
        return counts | {"not_planned": 1}
    with new_uow() as uow:
        solved = uow.session.get_one(RoutePlan, plan_id)
        return counts | {"plans": 1, "dropped_stops": sum(s.route_id is None for s in solved.stops)}


def _planned(new_uow: Callable[[], UnitOfWork], depot_id: int, day: date) -> bool:
    with new_uow() as uow:
        return uow.session.scalar(select(RoutePlan.id).where(
            RoutePlan.depot_id == depot_id, RoutePlan.delivery_date == day,
            RoutePlan.status.in_(KEPT) | RoutePlan.published_at.is_not(None))) is not None


def _left_by_this_job(new_uow: Callable[[], UnitOfWork], depot_id: int, day: date) -> int | None:
    """The plan an earlier run of this part started (no user's: ``created_by`` empty) and left
    open when its process died, queued again for this run; a part runs once at a time (its
    ``job_runs`` lock), so no other process is solving it."""
    with new_uow() as uow:
        plan_id = uow.session.scalar(select(RoutePlan.id).where(
            RoutePlan.depot_id == depot_id, RoutePlan.delivery_date == day, RoutePlan.created_by.is_(None),
            RoutePlan.status.in_(OPEN), RoutePlan.published_at.is_(None)))
        if plan_id is not None:
            uow.session.execute(update(RoutePlan).where(RoutePlan.id == plan_id).values(status="queued", progress=0.0),
                                execution_options={"synchronize_session": False})
            uow.commit()
        return plan_id
