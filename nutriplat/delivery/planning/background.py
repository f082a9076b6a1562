"""Where a solve runs: a daemon thread of the web process (the POST answers 202 at
once), or inline (tests, so they are deterministic). The job and the demo call
``solve.solve_plan`` directly."""
from __future__ import annotations

import threading
from collections.abc import Callable

from nutriplat.db import UnitOfWork
from nutriplat.delivery.planning.solve import solve_plan


def solve_later(new_uow: Callable[[], UnitOfWork], plan_id: int, inline: bool) -> None:
    if inline:
        solve_plan(new_uow, plan_id)
        return
    # A run whose process dies is taken for dead after its time limit (runs.STALE_AFTER_S).
    threading.Thread(target=solve_plan, args=(new_uow, plan_id), name=f"route-plan-{plan_id}", daemon=True).start()
