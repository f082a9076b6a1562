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
from collections.abc import Callable
from datetime import date

from sqlalchemy import select

from nutriplat.auth.actor import SYSTEM
from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import DeliveryOrder, Depot, RoutePlan
from nutriplat.delivery.nightly_reorder import run_reorder
from nutriplat.delivery.planning.runs import start_plan
from nutriplat.delivery.planning.solve import solve_plan
from nutriplat.delivery.vocabulary import OPEN_ORDER_STATUSES
from nutriplat.errors import DomainError

log = logging.getLogger(__name__)
KEPT = ("queued", "running", "done")


def time_limit_s() -> float:
    """Seconds per depot (NUTRIPLAT_ROUTE_PLAN_TIME_LIMIT_S, default 30)."""
    return float(os.environ.get("NUTRIPLAT_ROUTE_PLAN_TIME_LIMIT_S", "30"))


def route_plans(new_uow: Callable[[], UnitOfWork], day: date) -> dict[str, int]:
    counts = {"plans": 0, "existing": 0, "not_planned": 0, "dropped_stops": 0}
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
        solve_plan(new_uow, plan.id)
        with new_uow() as uow:
            solved = uow.session.get_one(RoutePlan, plan.id)
            counts["plans"] += int(solved.status == "done")
            counts["not_planned"] += int(solved.status != "done")
            counts["dropped_stops"] += sum(s.route_id is None for s in solved.stops) if solved.status == "done" else 0
    return counts


def _depots_with_orders(new_uow: Callable[[], UnitOfWork], day: date) -> list[int]:
    with new_uow() as uow:
        return list(uow.session.scalars(select(Depot.warehouse_id).where(Depot.warehouse_id.in_(
            select(DeliveryOrder.warehouse_id).where(DeliveryOrder.delivery_date == day,
                                                     DeliveryOrder.status.in_(OPEN_ORDER_STATUSES))))
                                        .order_by(Depot.warehouse_id)))


def reorder(new_uow: Callable[[], UnitOfWork], day: date) -> dict[str, int]:
    """Consumption of the days before, home reordering and central replenishment for ``day``."""
    return dict(run_reorder(new_uow, day, SYSTEM).counts)
