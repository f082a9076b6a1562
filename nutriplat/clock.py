"""Business dates live in Europe/Brussels; timestamps in UTC (DESIGN.md).

``now()`` is the one clock of the service: every timestamp (``db.utcnow``) and every business
date (``business_today``) reads it, so moving it moves both, in every thread. Only the test
suite moves it (``clock_set_to``, for its ``--business-day``); in production it is the system
clock."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

BRUSSELS = ZoneInfo("Europe/Brussels")

# The demo's day-by-day simulation lives through days the calendar has not reached; every
# service that asks for "today" must then see the simulated day (set only by `simulated_day`).
_simulated_today: ContextVar[date | None] = ContextVar("simulated_today", default=None)
# Process-wide, not a ContextVar: route solves, indicator readers and test servers run in
# threads of their own and must read the same clock as the thread that set it.
_offset = timedelta(0)


def now() -> datetime:
    """The current instant, in UTC."""
    return datetime.now(UTC) + _offset


def local_now() -> datetime:
    """The current instant on the business calendar's wall clock (Europe/Brussels)."""
    return now().astimezone(BRUSSELS)


def business_today() -> date:
    return _simulated_today.get() or local_now().date()


@contextmanager
def simulated_day(day: date) -> Iterator[None]:
    """Within this block (and this thread), ``business_today()`` is ``day``."""
    token = _simulated_today.set(day)
    try:
        yield
    finally:
        _simulated_today.reset(token)


@contextmanager
def clock_set_to(at: datetime) -> Iterator[None]:
    """Within this block the clock reads ``at`` and runs on from there, in every thread (for tests:
    the service as it behaves on another day)."""
    global _offset
    previous, _offset = _offset, at - datetime.now(UTC)
    try:
        yield
    finally:
        _offset = previous


def business_date(at: datetime) -> date:
    return at.astimezone(BRUSSELS).date()


def age_on(birth_date: date, on: date) -> int:
    """Completed years."""
    return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))


def utc(at: datetime) -> datetime:
    return at.astimezone(UTC)
