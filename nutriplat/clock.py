"""Business dates live in Europe/Brussels; timestamps in UTC (DESIGN.md)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

BRUSSELS = ZoneInfo("Europe/Brussels")

# The demo's day-by-day simulation lives through days the calendar has not reached; every
# service that asks for "today" must then see the simulated day (set only by `simulated_day`).
_simulated_today: ContextVar[date | None] = ContextVar("simulated_today", default=None)


def business_today() -> date:
    return _simulated_today.get() or datetime.now(BRUSSELS).date()


@contextmanager
def simulated_day(day: date) -> Iterator[None]:
    """Within this block (and this thread), ``business_today()`` is ``day``."""
    token = _simulated_today.set(day)
    try:
        yield
    finally:
        _simulated_today.reset(token)


def business_date(at: datetime) -> date:
    return at.astimezone(BRUSSELS).date()


def age_on(birth_date: date, on: date) -> int:
    """Completed years."""
    return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))


def utc(at: datetime) -> datetime:
    return at.astimezone(UTC)
