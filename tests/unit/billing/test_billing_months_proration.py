"""Months and per-day proration."""
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nutriplat.billing.domain.proration import month_fraction, prorate
from nutriplat.periods import Month, last_complete_month, overlap_days

PRICES = st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False, allow_infinity=False)
MONTHS = st.builds(Month, st.integers(2000, 2100), st.integers(1, 12))


def test_a_month_parses_and_knows_its_days():
    month = Month.parse("2028-02")
    assert (month.first, month.last, month.end, month.days) == (
        date(2028, 2, 1), date(2028, 2, 29), date(2028, 3, 1), 29)
    assert str(month) == "2028-02" and month.previous() == Month(2028, 1)
    assert Month(2026, 12).next() == Month(2027, 1)
    assert Month(2027, 2).months_since(Month(2026, 11)) == 3


@pytest.mark.parametrize("text", ["2026-13", "2026-1", "26-01", "", "2026-00", "2026-01-01"])
def test_a_bad_month_is_refused(text):
    with pytest.raises(ValueError):
        Month.parse(text)


def test_last_complete_month_and_overlap():
    assert last_complete_month(date(2027, 1, 1)) == Month(2026, 12)
    october = Month(2026, 10)
    assert overlap_days(date(2026, 10, 11), date(2026, 10, 21), october) == 10
    assert overlap_days(date(2026, 9, 1), None, october) == 31
    assert overlap_days(date(2026, 11, 1), None, october) == 0
    assert overlap_days(date(2026, 9, 1), date(2026, 10, 1), october) == 0


def test_proration_rounds_half_up_once_per_line():
    assert prorate(Decimal("100.00"), 10, 31) == Decimal("32.26")  # 32.2580…
    assert prorate(Decimal("0.31"), 1, 62 // 2) == Decimal("0.01")
    assert prorate(Decimal("12.50"), 15, 30, count=2) == Decimal("12.50")
    assert month_fraction(10, 31) == Decimal("0.3226") and month_fraction(31, 31, 2) == Decimal("2.0000")
    with pytest.raises(ValueError):
        prorate(Decimal("10"), 32, 31)


@settings(max_examples=60)
@given(PRICES, MONTHS, st.integers(1, 3))
def test_proration_over_a_full_month_is_the_monthly_price(price, month, count):
    assert prorate(price, month.days, month.days, count) == price * count


@settings(max_examples=60)
@given(PRICES, MONTHS, st.data())
def test_two_parts_of_a_month_differ_from_the_whole_by_at_most_a_cent(price, month, data):
    split = data.draw(st.integers(0, month.days))
    parts = prorate(price, split, month.days) + prorate(price, month.days - split, month.days)
    assert abs(parts - price) <= Decimal("0.01")
