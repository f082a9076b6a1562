"""An agreement's fixed reporting periods: nothing else is reported, no two overlap, and
a period is reported only once it has closed (issue 14, hole 3)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nutriplat.errors import InvalidInput
from nutriplat.indicators.reporting_periods import baseline_error, published_periods, requested_period
from nutriplat.indicators.terms import needed_figures
from nutriplat.periods import Period

TERM = (date(2026, 4, 1), date(2027, 3, 31))
Q2 = Period.parse("2026Q2")


def ask(text, today=date(2026, 12, 7), kind="quarter"):
    return requested_period(text, kind, *TERM, Q2, today)


@given(st.sampled_from(["month", "quarter", "year"]), st.dates(date(2020, 1, 1), date(2030, 1, 1)),
       st.integers(1, 900), st.sampled_from(["2019", "2019Q4", "2019-12"]))
def test_published_periods_never_overlap_so_none_is_a_sum_of_others(kind, start, days, baseline):
    periods = published_periods(kind, start, start + timedelta(days=days), Period.parse(baseline))
    assert all(not a.overlaps(b) for i, a in enumerate(periods) for b in periods[i + 1:])


def test_only_a_closed_reporting_period_is_reported():
    assert ask("2026Q3").label == "2026Q3" and ask(None).label == "2026Q3"  # default: the last closed one
    assert ask(None, today=date(2026, 7, 1)).label == "2026Q2"
    for text, reason in [("2026-08", "reports per quarter"), ("2026", "reports per quarter"),
                         ("2026Q1", "reports per quarter"), ("2026Q4", "closed"), ("Q3", "Must be a month")]:
        with pytest.raises(InvalidInput) as refused:
            ask(text)
        assert reason in refused.value.errors["period"][0]
    with pytest.raises(InvalidInput, match="No reporting period"):
        ask(None, today=date(2026, 6, 30))


def test_a_baseline_is_one_of_the_periods_or_apart_from_them():
    assert baseline_error("quarter", *TERM, Q2) is None
    assert baseline_error("quarter", *TERM, Period.parse("2025")) is None
    assert "Overlaps" in baseline_error("quarter", *TERM, Period.parse("2026-05"))
    assert "Overlaps" in baseline_error("month", *TERM, Q2)


def test_payment_rules_name_every_figure_they_read():
    assert needed_figures([
        {"kind": "per_client_outcome", "params": {"indicator": "risk_improved_3m"}},
        {"kind": "threshold", "params": {"indicator": "screening_coverage"}},
        {"kind": "shared_savings", "params": {"cost_per_admission": "3000.00", "quality_indicators": ["q"]}},
        {"kind": "start_budget", "params": {"amount": "1.00"}}]) == [
        ("risk_improved_3m", "period"), ("screening_coverage", "period"), ("cost_per_client_month", "period"),
        ("hospital_admissions", "period"), ("q", "baseline"), ("q", "period")]
