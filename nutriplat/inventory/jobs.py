"""The inventory's job for the registry (``nutriplat jobs run reorder --date D``)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from nutriplat.auth.actor import SYSTEM
from nutriplat.db import UnitOfWork
from nutriplat.inventory.reorder.run import run_reorder


def reorder(new_uow: Callable[[], UnitOfWork], day: date) -> dict[str, int]:
    """Consumption of the days before, home reordering and central replenishment for ``day``."""
    return dict(run_reorder(new_uow, day, SYSTEM).counts)
