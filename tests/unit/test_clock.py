"""The service's one clock: moving it moves every timestamp and every business date
together, in every thread, and only for as long as it is moved."""
import threading
from datetime import UTC, date, datetime, timedelta

import pytest

from nutriplat.clock import BRUSSELS, business_today, clock_set_to, local_now, now
from nutriplat.db import utcnow


def test_the_clock_set_to_a_day_moves_business_dates_and_timestamps_and_runs_on():
    before = now()
    with clock_set_to(datetime(2027, 2, 28, 23, 30, tzinfo=BRUSSELS)):
        assert business_today() == date(2027, 2, 28)
        stamp = utcnow()
        assert stamp.tzinfo == UTC
        assert timedelta(0) <= stamp - datetime(2027, 2, 28, 22, 30, tzinfo=UTC) < timedelta(minutes=1)
        assert local_now().date() == date(2027, 2, 28) and utcnow() >= stamp
    assert now() - before < timedelta(minutes=1)  # back to where it was


def test_a_thread_started_inside_reads_the_same_clock():
    seen = []
    with clock_set_to(datetime(2027, 3, 1, 9, 0, tzinfo=BRUSSELS)):
        worker = threading.Thread(target=lambda: seen.append((business_today(), utcnow().date())))
        worker.start()
        worker.join()
    assert seen == [(date(2027, 3, 1), date(2027, 3, 1))]


@pytest.mark.business_day("2026-11-30T23:50")
def test_a_test_pins_its_day_and_time_with_the_marker(business_day):
    assert business_day == business_today() == date(2026, 11, 30)
    assert utcnow().date() == date(2026, 11, 30) and utcnow().hour == 22  # 23:50 in Brussels is 22:50 UTC


@pytest.mark.business_day("2026-12-06")
def test_a_day_alone_keeps_the_time_of_day(business_day):
    assert business_day.weekday() == 6 and local_now().date() == date(2026, 12, 6)

