"""The 02:00 job on the days the clocks change (Europe/Brussels): one firing per local
day, none skipped, none doubled, and one period (the business date) per day."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import pairwise

import pytest

from nutriplat.clock import BRUSSELS
from nutriplat.periods import Month
from scheduler.schedule import SCHEDULE, after

ENTRIES = {e.job: e for e in SCHEDULE}


def firings(job: str, first: date, days: int) -> list[datetime]:
    """Fire times as the APScheduler loop computes them: the next after the previous."""
    trigger, out = ENTRIES[job].trigger(), []
    fire = trigger.get_next_fire_time(None, datetime.combine(first, datetime.min.time(), BRUSSELS))
    while fire.date() < first + timedelta(days=days):
        out.append(fire)
        fire = trigger.get_next_fire_time(fire, after(fire))
    return out


@pytest.mark.parametrize("sunday", [date(2027, 3, 28), date(2026, 10, 25), date(2027, 10, 31)])
def test_the_0200_reorder_fires_once_per_local_day_around_a_clock_change(sunday):
    fired = firings("reorder", sunday - timedelta(days=2), 5)
    days = [f.astimezone(BRUSSELS).date() for f in fired]
    assert days == [sunday + timedelta(days=n) for n in range(-2, 3)]  # none skipped, none doubled
    periods = [ENTRIES["reorder"].period_at(f) for f in fired]
    assert periods == days
    gaps = {(b - a) for a, b in pairwise(fired)}
    assert gaps <= {timedelta(hours=23), timedelta(hours=24), timedelta(hours=25)}


def test_spring_forward_fires_at_the_switch_0300_cest():
    [fired] = list(firings("reorder", date(2027, 3, 28), 1))
    # 02:00 does not exist that night: APScheduler 3 fires at the switch, 01:00 UTC = 03:00 CEST.
    assert fired.astimezone(UTC) == datetime(2027, 3, 28, 1, 0, tzinfo=UTC)
    # (APScheduler hands it back as the non-existent wall time 02:00+01:00; the same instant.)
    assert fired.astimezone(UTC).astimezone(BRUSSELS).replace(tzinfo=None) == datetime(2027, 3, 28, 3, 0)


def test_fall_back_fires_at_the_first_0200_cest_only():
    [fired] = firings("reorder", date(2026, 10, 25), 1)
    assert fired.astimezone(UTC) == datetime(2026, 10, 25, 0, 0, tzinfo=UTC)  # 02:00 CEST, not 02:00 CET
    # Even when asked right after the first 02:00, the next firing is Monday's.
    assert ENTRIES["reorder"].trigger().get_next_fire_time(fired, fired + timedelta(milliseconds=5)) == \
        datetime(2026, 10, 26, 2, 0, tzinfo=BRUSSELS)


def test_each_jobs_period_follows_from_its_firing():
    at = datetime(2026, 12, 1, 3, 0, tzinfo=BRUSSELS)
    assert ENTRIES["early-warning"].period_at(at) == date(2026, 11, 30)  # the day that just ended
    assert ENTRIES["invoicing"].period_at(at) == Month(2026, 11)
    assert ENTRIES["indicator-snapshot"].period_at(at + timedelta(days=1)) == Month(2026, 11)
    assert ENTRIES["route-plans"].period_at(datetime(2026, 12, 31, 14, tzinfo=BRUSSELS)) == date(2027, 1, 1)


def test_the_last_due_firing_is_the_latest_at_or_before_now():
    now = datetime(2026, 11, 25, 1, 30, tzinfo=BRUSSELS)
    assert ENTRIES["reorder"].last_due(now) == datetime(2026, 11, 24, 2, 0, tzinfo=BRUSSELS)
    assert ENTRIES["early-warning"].last_due(now) == datetime(2026, 11, 25, 1, 0, tzinfo=BRUSSELS)
    assert ENTRIES["invoicing"].last_due(now) == datetime(2026, 11, 1, 3, 0, tzinfo=BRUSSELS)
    assert ENTRIES["route-plans"].last_due(now) == datetime(2026, 11, 24, 14, 0, tzinfo=BRUSSELS)
