"""The delivery HTTP API: one flask-smorest Blueprint (``blp``) per module."""
from __future__ import annotations

from flask import current_app

from nutriplat.db import UnitOfWork
from nutriplat.delivery.planning.background import solve_later


def solve_in_background(plan_id: int) -> None:
    """Solve after the response; inline when testing (ROUTE_PLANS_INLINE, default TESTING).
    The thread has no app context: it gets the session factory itself."""
    config, factory = current_app.config, current_app.extensions["nutriplat"].session_factory
    solve_later(lambda: UnitOfWork(factory), plan_id,
                inline=bool(config.get("ROUTE_PLANS_INLINE", config.get("TESTING"))))
