"""The delivery area's jobs for the registry.

``reorder`` (``nutriplat jobs run reorder --date D``): the nightly run, see
``nightly_reorder``.

``route-plans`` (the scheduler runs it at 14:00 for the next day): a plan per depot, see
``plan_parts``."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from nutriplat.auth.actor import SYSTEM
from nutriplat.db import UnitOfWork
from nutriplat.delivery.nightly_reorder import clients_of_part, finish_reorder, reorder_clients, run_reorder
from nutriplat.inventory.reorder.report import ReorderReport


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
