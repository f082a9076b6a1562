"""The delivery area's jobs for the registry.

``reorder`` (``nutriplat jobs run reorder --date D``): the nightly run, see
``nightly_reorder``.

``route-plans``: plan every depot with open orders on the
delivery date (the scheduler runs it at 14:00 for the next day). One plan per depot and
date: a depot with a plan already (being solved, solved or published) is left alone, so
a second run changes nothing; a failed or cancelled run is tried again."""
from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from datetime import date

from sqlalchemy import select

from nutriplat import queue
from nutriplat.auth.actor import SYSTEM
from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import DeliveryOrder, Depot, RoutePlan
from nutriplat.delivery.nightly_reorder import clients_of_part, finish_reorder, reorder_clients, run_reorder
from nutriplat.delivery.planning.background import solve_later
from nutriplat.delivery.planning.runs import start_plan
from nutriplat.delivery.vocabulary import OPEN_ORDER_STATUSES, STALE_AFTER_S
from nutriplat.errors import DomainError
from nutriplat.inventory.reorder.report import ReorderReport

log = logging.getLogger(__name__)
KEPT = ("queued", "running", "done")
WAIT_POLL_S = 1.0


def time_limit_s() -> float:
    """Seconds per depot (NUTRIPLAT_ROUTE_PLAN_TIME_LIMIT_S, default 30)."""
    return float(os.environ.get("NUTRIPLAT_ROUTE_PLAN_TIME_LIMIT_S", "30"))


def route_plans(new_uow: Callable[[], UnitOfWork], day: date) -> dict[str, int]:
    """With a work queue, every depot's solve goes on it at once and the workers share them
    (5 depots on 2 workers: 3 rounds of the time limit, not 5); without, one after the other."""
    counts = {"plans": 0, "existing": 0, "not_planned": 0, "dropped_stops": 0}
    started, fan_out = [], queue.queue_url() is not None
    for depot_id in _depots_with_orders(new_uow, day):
        with new_uow() as uow:
            existing = uow.session.scalar(select(RoutePlan.id).where(
                RoutePlan.depot_id == depot_id, RoutePlan.delivery_date == day,
                RoutePlan.status.in_(KEPT) | RoutePlan.published_at.is_not(None)))
        if existing is not None:
            counts["existing"] += 1
            continue
        try:
            plan = start_plan(new_uow(), SYSTEM, depot_id, day, time_limit_s())
        except DomainError as error:  # no vans, clients without coordinates, ...: named in the log
            log.warning("route-plans %s depot %s: %s %s", day, depot_id, error.message, error.errors)
            counts["not_planned"] += 1
            continue
        solve_later(new_uow, plan.id, inline=not fan_out)
        started.append(plan.id)
    _wait_for(new_uow, started, deadline=time.monotonic() + len(started) * (time_limit_s() + STALE_AFTER_S))
    for plan_id in started:
        with new_uow() as uow:
            solved = uow.session.get_one(RoutePlan, plan_id)
            counts["plans"] += int(solved.status == "done")
            counts["not_planned"] += int(solved.status != "done")
            counts["dropped_stops"] += sum(s.route_id is None for s in solved.stops) if solved.status == "done" else 0
    return counts


def _wait_for(new_uow: Callable[[], UnitOfWork], plan_ids: list[int], deadline: float) -> None:
    """Until no plan of ``plan_ids`` is queued or running (a worker that dies fails its plan), or the deadline."""
    while time.monotonic() < deadline:
        with new_uow() as uow:
            if uow.session.scalar(select(RoutePlan.id).where(RoutePlan.id.in_(plan_ids),
                                                            RoutePlan.status.in_(("queued", "running")))) is None:
                return
        time.sleep(WAIT_POLL_S)


def _depots_with_orders(new_uow: Callable[[], UnitOfWork], day: date) -> list[int]:
    with new_uow() as uow:
        return list(uow.session.scalars(select(Depot.warehouse_id).where(Depot.warehouse_id.in_(
            select(DeliveryOrder.warehouse_id).where(DeliveryOrder.delivery_date == day,
                                                     DeliveryOrder.status.in_(OPEN_ORDER_STATUSES))))
                                        .order_by(Depot.warehouse_id)))


def reorder(new_uow: Callable[[], UnitOfWork], day: date) -> dict[str, int]:
    """Consumption of the days before, home reordering and central replenishment for ``day``."""
    return dict(run_reorder(new_uow, day, SYSTEM).counts)


def reorder_part(new_uow: Callable[[], UnitOfWork], day: date, key: str) -> dict[str, int]:
    """The job's part: consumption and home orders of one slice of the clients."""
    report = ReorderReport(day.isoformat())
    reorder_clients(new_uow, day, SYSTEM, clients_of_part(new_uow, key), report)
    return dict(report.counts)


def reorder_finish(new_uow: Callable[[], UnitOfWork], day: date) -> dict[str, int]:
    """The job's finish once every slice is done: central replenishment, deliveries left unbilled,
    recalled units aboard vans that drive no route that day."""
    report = ReorderReport(day.isoformat())
    finish_reorder(new_uow, day, SYSTEM, report)
    return dict(report.counts)
