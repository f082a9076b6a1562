"""The dashboard's arrangement of report rows (pure: no database, no Flask)."""
from __future__ import annotations

from decimal import Decimal as D

from nutriplat.indicators.report_computation import Row
from nutriplat.webapp.cofinancer.dashboard import arrange, places, suppressed_count

INDICATORS = [
    {"code": "screening_coverage", "name": "Screening coverage", "unit": "%", "version": 1,
     "period_type": "month", "higher_is_better": True, "target": D("90")},
    {"code": "hospital_admissions", "name": "Hospital admissions", "unit": "per 100", "version": 2,
     "period_type": "quarter", "higher_is_better": False, "target": D("5")},
]
ROWS = [
    Row("screening_coverage", "2026Q2", {}, D(10), D(12), D("83.3"), False),
    Row("screening_coverage", "2026Q3", {}, D(12), D(12), D("100.0"), False),
    Row("screening_coverage", "2026Q3", {"sex": "female"}, None, None, None, True),
    Row("screening_coverage", "2026Q3", {"sex": "male"}, None, None, None, True),
    Row("screening_coverage", "2026Q2", {"sex": "male"}, D(7), D(8), D("87.5"), False),  # baseline: not shown
    Row("hospital_admissions", "2026Q3", {}, D(3), D(36), D("8.3"), False),
    Row("unknown", "2026Q3", {}, D(1), D(1), D(1), False),
]


def test_totals_per_period_and_the_chosen_periods_breakdowns():
    coverage, admissions = arrange(INDICATORS, ROWS, ["2026Q2", "2026Q3"])
    assert [r.value if r else None for r in coverage.totals.values()] == [D("83.3"), D("100.0")]
    assert [r.disaggregation for r in coverage.breakdowns["sex"]] == [{"sex": "female"}, {"sex": "male"}]
    assert admissions.totals["2026Q2"] is None  # not reported for that period
    assert suppressed_count([coverage, admissions]) == 2


def test_the_target_is_judged_in_the_indicators_direction_on_the_chosen_period():
    coverage, admissions = arrange(INDICATORS, ROWS, ["2026Q2", "2026Q3"])
    assert coverage.met is True  # 100 ≥ 90
    assert admissions.met is False  # 8.3 admissions per 100 client-months, at most 5 wanted
    hidden = arrange(INDICATORS, [Row("screening_coverage", "2026Q3", {}, None, None, None, True)], ["2026Q3"])
    assert hidden[0].met is None and hidden[1].met is None  # nothing to judge


def test_figures_keep_the_decimals_they_were_computed_with():
    assert [places(v) for v in (D("62.5"), D("100.0"), D("14"), D("0.25"), 3.6, None)] == [1, 0, 0, 2, 1, 0]
