"""Billing's jobs, as the registry (``nutriplat.jobs``) runs them."""
from __future__ import annotations

from collections.abc import Callable

from nutriplat.billing import invoicing_run
from nutriplat.periods import Month
from nutriplat.db import UnitOfWork


def invoicing(new_uow: Callable[[], UnitOfWork], month: Month) -> dict[str, int]:
    return invoicing_run.run(new_uow, month).counts
