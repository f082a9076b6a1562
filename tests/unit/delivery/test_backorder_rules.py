"""When a back-order's units will be at the warehouse, and the day it is planned for (pure rules)."""
from __future__ import annotations

from datetime import date

import pytest

from nutriplat.delivery.domain.backorder import arrival_day, first_delivery_day

TODAY = date(2026, 12, 7)
ON_ITS_WAY = [(date(2026, 12, 11), 4), (date(2026, 12, 9), 3)]  # (expected, units), in any order


def test_stock_at_the_warehouse_nobody_claimed_is_there_today():
    assert arrival_day(3, 0, 3, ON_ITS_WAY, TODAY) == TODAY
    assert arrival_day(3, 2, 4, ON_ITS_WAY, TODAY) == date(2026, 12, 9)  # two of the four are promised


def test_the_incoming_order_that_completes_the_units_gives_the_day():
    assert arrival_day(3, 0, 0, ON_ITS_WAY, TODAY) == date(2026, 12, 9)
    assert arrival_day(4, 0, 0, ON_ITS_WAY, TODAY) == date(2026, 12, 11)
    assert arrival_day(2, 3, 0, ON_ITS_WAY, TODAY) == date(2026, 12, 11)  # the first order is claimed already


def test_a_late_order_counts_from_today_and_nothing_on_its_way_is_no_day():
    assert arrival_day(1, 0, 0, [(date(2026, 12, 1), 5)], TODAY) == TODAY
    assert arrival_day(8, 0, 0, ON_ITS_WAY, TODAY) is None
    assert arrival_day(1, 0, 0, [], TODAY) is None
    with pytest.raises(ValueError):
        arrival_day(0, 0, 0, ON_ITS_WAY, TODAY)


def test_the_back_order_comes_on_or_after_arrival_after_its_order_and_when_still_open():
    assert first_delivery_day(date(2026, 12, 11), date(2026, 12, 9), date(2026, 12, 8)) == date(2026, 12, 11)
    assert first_delivery_day(TODAY, date(2026, 12, 9), date(2026, 12, 8)) == date(2026, 12, 9)
    assert first_delivery_day(TODAY, date(2026, 12, 8), date(2026, 12, 10)) == date(2026, 12, 10)
