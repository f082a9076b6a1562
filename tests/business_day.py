"""The suite's calendar, a pytest plugin (loaded by ``tests/conftest.py``).

The suite runs on a fixed reference day, ``REFERENCE_DAY``, whatever the day it is run: its
fixtures speak of the pilot's dates, and a suite that passes today must pass next year.
``pytest --business-day=2026-12-01`` (or ``NUTRIPLAT_TEST_BUSINESS_DAY=2026-12-01``) runs every
test as if today in Brussels were that day instead (``make test-days``: the 1st, the 7th, a
month's last day, a Sunday); ``--business-day=today`` runs it on the real calendar: the
service's one clock (``nutriplat.clock.now``, read by ``business_today`` and by every timestamp)
is moved, in every thread, to noon of that day; ``2026-12-01T23:50`` sets another time (``make
test-days`` adds a run just after midnight and one just before). A
test whose subject is a particular day (a month just invoiced, a Monday) pins it with
``@pytest.mark.business_day("2026-12-07")``, so it holds whatever the suite's day; the
``business_day`` fixture is that test's today (and ``today``, ``tomorrow``, ``next_monday`` in
``tests/conftest.py`` are the dates tests derive from it: never a module constant taken at
import, which a test's marker would not move). The suite stays on the day it started on: a run
that goes past midnight goes on at the same time of day."""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import date, datetime, time

import pytest

from nutriplat.clock import BRUSSELS, business_today, clock_set_to

ENV = "NUTRIPLAT_TEST_BUSINESS_DAY"
REFERENCE_DAY = "2026-12-07"  # a Monday in the pilot's first winter
# A day alone runs at noon, never at the hour the suite happens to start: a test that passes at
# 15:00 must pass when CI runs at 00:30. The times where days turn are runs of their own.
DEFAULT_TIME_OF_DAY = time(12, 0)
SUITE_DAY = pytest.StashKey[date]()


def moment(text: str) -> datetime:
    """The instant a day names: that day at noon, or at the time given."""
    named = datetime.fromisoformat(text)
    if "T" not in text:
        named = datetime.combine(named.date(), DEFAULT_TIME_OF_DAY)
    return named.replace(tzinfo=BRUSSELS)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--business-day", default=os.environ.get(ENV) or REFERENCE_DAY,
                     metavar="YYYY-MM-DD[THH:MM]|today",
                     help=f"run the suite as if today in Europe/Brussels were this day (or ${ENV}); "
                          f"default {REFERENCE_DAY}, 'today' for the real calendar")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "business_day(day): the test runs on this business day "
                                       "(YYYY-MM-DD, or YYYY-MM-DDTHH:MM for a time of day too)")
    if (day := config.getoption("business_day")) != "today":
        stack = ExitStack()
        stack.enter_context(clock_set_to(moment(day)))
        config.add_cleanup(stack.close)
    config.stash[SUITE_DAY] = business_today()


def pytest_report_header(config: pytest.Config) -> str:
    return f"business day: {business_today():%a %Y-%m-%d} (Europe/Brussels)"


@pytest.fixture(autouse=True)
def business_day(request: pytest.FixtureRequest) -> Iterator[date]:
    """Today for this test: its ``business_day`` marker's day, else the suite's."""
    marker = request.node.get_closest_marker("business_day")
    day = marker.args[0] if marker else request.config.stash[SUITE_DAY].isoformat()
    with clock_set_to(moment(day)) if marker or business_today().isoformat() != day else ExitStack():
        yield business_today()
