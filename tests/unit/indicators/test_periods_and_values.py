"""Reporting periods, indicator arithmetic, and the starter set as data."""
from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import numpy as np
import pytest

from nutriplat.indicators.aggregate import Definition
from nutriplat.indicators.catalogue import DISAGGREGATIONS, PERIOD_TYPES, STARTER_SET, TRIPLE_AIM, TYPES
from nutriplat.indicators.terms import rule_errors
from nutriplat.indicators.values import exact, indicator_value
from nutriplat.periods import Period, last_complete_quarter, periods_between


@pytest.mark.parametrize(("text", "start", "end", "label"), [
    ("2026-09", date(2026, 9, 1), date(2026, 9, 30), "2026-09"),
    ("2026-02", date(2026, 2, 1), date(2026, 2, 28), "2026-02"),
    ("2026Q3", date(2026, 7, 1), date(2026, 9, 30), "2026Q3"),
    ("2026Q1", date(2026, 1, 1), date(2026, 3, 31), "2026Q1"),
    ("2026", date(2026, 1, 1), date(2026, 12, 31), "2026"),
])
def test_a_period_is_a_month_a_quarter_or_a_year(text, start, end, label):
    period = Period.parse(text)
    assert (period.start, period.end, period.label, str(period)) == (start, end, label, label)


@pytest.mark.parametrize("text", ["2026-13", "2026Q5", "26", "2026-9", "Q3 2026", "", "2026q3"])
def test_anything_else_is_not_a_period(text):
    with pytest.raises(ValueError):
        Period.parse(text)


@pytest.mark.parametrize(("today", "quarter"), [
    (date(2026, 11, 25), "2026Q3"), (date(2026, 10, 1), "2026Q3"), (date(2026, 9, 30), "2026Q2"),
    (date(2026, 1, 5), "2025Q4")])
def test_the_default_period_is_the_last_complete_quarter(today, quarter):
    assert last_complete_quarter(today).label == quarter


def test_periods_between_and_months_of_a_period():
    assert [p.label for p in Period.parse("2026Q3").months()] == ["2026-07", "2026-08", "2026-09"]
    assert [p.label for p in periods_between("quarter", date(2026, 5, 20), date(2026, 10, 2))] == [
        "2026Q2", "2026Q3", "2026Q4"]
    assert Period.parse("2026").contains(Period.parse("2026Q4"))
    assert Period.parse("2026Q3").overlaps(Period.parse("2026-09"))
    assert not Period.parse("2026Q3").overlaps(Period.parse("2026-10"))


def test_indicator_values_are_exact_and_rounded_half_up():
    assert indicator_value(D(1), D(8), "100", 1) == D("12.5")
    assert indicator_value(D(1), D(6), "100", 1) == D("16.7")
    assert indicator_value(D("-0.5"), D(3), "1", 2) == D("-0.17")
    assert indicator_value(D(1), D(0), "100", 1) is None
    assert exact(np.int64(12)) == D(12) and str(exact(12.0)) == "12"
    assert exact(np.float64(13.499999999999998)) == D("13.5000")
    assert exact(59550.0, scale="0.01") == D("595.50")


def test_the_starter_set_is_complete_and_well_formed():
    codes = [spec["code"] for spec in STARTER_SET]
    assert len(codes) == len(set(codes)) == 13
    staff = next(spec for spec in STARTER_SET if spec["code"] == "staff_wellbeing")
    assert (staff["dimension"], staff["disaggregations"], staff["period_type"]) == (
        "staff_wellbeing", ["staff_group"], "quarter")
    for spec in (spec for spec in STARTER_SET if spec is not staff):
        definition = Definition(**{k: v for k, v in spec.items()
                                   if k in Definition.__dataclass_fields__} | {"disaggregations": tuple(
                                       spec["disaggregations"])})
        assert spec["type"] in TYPES and spec["dimension"] in TRIPLE_AIM and spec["period_type"] in PERIOD_TYPES
        assert set(spec["disaggregations"]) - {"instrument"} == set(DISAGGREGATIONS)
        assert definition.numerator["aggregate"] in ("count", "sum") and definition.denominator["aggregate"]
        assert spec["definition"].endswith(".")


def test_payment_terms_are_checked_all_at_once():
    indicators = {spec["code"]: Definition(**{k: v for k, v in spec.items() if k in Definition.__dataclass_fields__})
                  for spec in STARTER_SET}
    assert rule_errors("per_client_outcome", {"indicator": "mean_weight_change", "price_per_client": "1.005",
                                              "bogus": 1}, indicators, {}) == {
        "bogus": "Not a parameter of this rule.",
        "price_per_client": "Must be an amount in euros, at least 0, with at most two decimals.",
        "indicator": "Must count clients reaching an outcome (its numerator counts clients)."}
    assert rule_errors("threshold", {"indicator": "screening_coverage", "bonus": "10", "clawback": "5"},
                       indicators, {"screening_coverage": None}) == {
        "indicator": "The indicator needs a target in the agreement."}
    assert set(rule_errors("shared_savings", {"expected_cost_per_client_month": "400", "share": "1.5",
                                              "quality_indicators": []}, {}, {})) == {
        "share", "quality_indicators", "expected_cost_per_client_month"}
    assert rule_errors("start_budget", {"amount": "5000.00"}, indicators, {}) == {}
