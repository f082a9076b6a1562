"""The arithmetic of every payment rule, to the cent, and a statement recomputed from
its snapshot."""
from __future__ import annotations

import copy
from decimal import Decimal as D

import pytest

from nutriplat.indicators import payments, statement_calculation
from nutriplat.indicators.payments import CostInputs, QualityGate


def test_per_client_outcome_pays_a_price_per_client():
    line = payments.per_client_outcome("improved", 12, D("125.50"), None)
    assert line.amount == D("1506.00")
    assert [s.value for s in line.steps] == ["12", "1506.00"]


def test_per_client_outcome_is_capped():
    line = payments.per_client_outcome("improved", 30, D("125.50"), D("3000.00"))
    assert line.amount == D("3000.00")
    assert line.steps[-1].description == "capped at € 3000.00"


def test_per_client_outcome_below_the_cap_is_not_touched():
    assert payments.per_client_outcome("improved", 3, D("100"), D("300")).amount == D("300.00")


@pytest.mark.parametrize(("value", "expected"), [
    ("80.0", "2000.00"), ("92.5", "2000.00"),  # target met (at least 80)
    ("79.9", "0.00"), ("60.0", "0.00"),  # between floor and target
    ("59.9", "-1500.00"),  # below the floor: clawback
    (None, "0.00"),  # nothing to judge
])
def test_threshold_bonus_or_clawback_when_higher_is_better(value, expected):
    line = payments.threshold("coverage", None if value is None else D(value), D("80"), D("60"),
                              D("2000.00"), D("1500.00"), higher_is_better=True)
    assert line.amount == D(expected)


@pytest.mark.parametrize(("value", "expected"), [("10.00", "500.00"), ("12.00", "0.00"), ("15.01", "-250.00")])
def test_threshold_when_lower_is_better(value, expected):
    line = payments.threshold("admissions", D(value), D("10"), D("15"), D("500"), D("250"), higher_is_better=False)
    assert line.amount == D(expected)


def test_threshold_without_a_floor_never_claws_back():
    assert payments.threshold("x", D("1"), D("80"), None, D("10"), D("99"), True).amount == D("0.00")


COSTS = CostInputs(client_months=D("300.5"), service_cost=D("120000.00"), admissions=4)
GOOD = [QualityGate("coverage", D("70.0"), D("75.0"), True), QualityGate("admissions", D("2.0"), D("1.5"), False)]


def test_shared_savings_share_the_difference_between_expected_and_actual_cost():
    line = payments.shared_savings(COSTS, D("450.00"), D("3500.00"), D("0.5"), GOOD, None)
    # expected 450 × 300.5 = 135 225; actual 120 000 + 4 × 3 500 = 134 000; savings 1 225 × 0.5
    assert line.amount == D("612.50")
    steps = {s.description: s.value for s in line.steps}
    assert steps["savings = expected − actual"] == "1225.000"
    assert steps["actual cost"] == "134000.00"


def test_shared_savings_round_half_up_once_at_the_end():
    costs = CostInputs(client_months=D("10.3333"), service_cost=D("1000.00"), admissions=0)
    line = payments.shared_savings(costs, D("100.00"), D("0"), D("0.5"), GOOD, None)
    assert line.amount == D("16.67")  # (1033.33 − 1000) × 0.5 = 16.665 → 16.67


def test_shared_savings_are_gated_on_quality_not_worse_than_baseline():
    worse = [GOOD[0], QualityGate("admissions", D("2.0"), D("2.1"), False)]
    assert payments.shared_savings(COSTS, D("450.00"), D("3500.00"), D("0.5"), worse, None).amount == D("0.00")
    unknown = [QualityGate("coverage", None, D("75.0"), True)]
    assert payments.shared_savings(COSTS, D("450.00"), D("3500.00"), D("0.5"), unknown, None).amount == D("0.00")
    equal = [QualityGate("coverage", D("75.0"), D("75.0"), True)]
    assert payments.shared_savings(COSTS, D("450.00"), D("3500.00"), D("0.5"), equal, None).amount == D("612.50")


def test_shared_savings_never_charge_the_provider_and_respect_a_cap():
    assert payments.shared_savings(COSTS, D("400.00"), D("3500.00"), D("0.5"), GOOD, None).amount == D("0.00")
    assert payments.shared_savings(COSTS, D("450.00"), D("3500.00"), D("0.5"), GOOD, D("500")).amount == D("500.00")


def test_the_start_budget_is_paid_once():
    assert payments.start_budget(D("5000.00"), already_paid=False).amount == D("5000.00")
    assert payments.start_budget(D("5000.00"), already_paid=True).amount == D("0.00")


def indicator(code, numerator, denominator, baseline=None, target=None, higher=True, multiplier="100", decimals=1):
    return {"code": code, "version": 1, "name": code, "unit": "%", "multiplier": multiplier, "decimals": decimals,
            "higher_is_better": higher, "target": target,
            "period": {"numerator": numerator, "denominator": denominator},
            "baseline": None if baseline is None else {"numerator": baseline[0], "denominator": baseline[1]}}


SNAPSHOT = {
    "period": "2026Q3", "baseline_period": "2026Q2", "cohort_clients": 97, "start_budget_paid_before": False,
    "indicators": [
        indicator("risk_improved_3m", "14", "40", target="30"),
        indicator("screening_coverage", "81", "97", baseline=("70", "95"), target="80"),
        indicator("hospital_admissions", "5", "281.25", baseline=("6", "270"), higher=False, decimals=2),
        indicator("cost_per_client_month", "118125.00", "281.25", higher=False, multiplier="1", decimals=2),
    ],
    "rules": [
        {"position": 1, "kind": "per_client_outcome",
         "params": {"indicator": "risk_improved_3m", "price_per_client": "150.00", "cap": "1800.00"}},
        {"position": 2, "kind": "threshold",
         "params": {"indicator": "screening_coverage", "bonus": "2500.00", "clawback": "1000.00", "floor": "60"}},
        {"position": 3, "kind": "shared_savings",
         "params": {"expected_cost_per_client_month": "520.00", "share": "0.40", "cost_per_admission": "3200.00",
                    "quality_indicators": ["screening_coverage", "hospital_admissions"]}},
        {"position": 4, "kind": "start_budget", "params": {"amount": "10000.00"}},
    ],
}


def test_a_statement_is_calculated_from_its_snapshot_alone():
    result = statement_calculation.calculate(SNAPSHOT)
    amounts = [line["amount"] for line in result["lines"]]
    # 14 × 150 = 2100 → cap 1800; coverage 83.5 ≥ 80 → 2500; savings: 520 × 281.25 = 146 250 −
    # (118 125 + 5 × 3 200 = 134 125) = 12 125 × 0.40 = 4850; start budget 10 000
    assert amounts == ["1800.00", "2500.00", "4850.00", "10000.00"]
    assert result["total"] == "19150.00"
    coverage = next(i for i in result["indicators"] if i["code"] == "screening_coverage")
    assert coverage == {"code": "screening_coverage", "version": 1, "name": "screening_coverage", "unit": "%",
                        "value": "83.5", "baseline_value": "73.7", "target": "80", "met": True}
    # the same snapshot, the same statement
    assert statement_calculation.calculate(copy.deepcopy(SNAPSHOT)) == result


def test_a_worse_quality_indicator_stops_the_shared_savings_in_the_statement():
    snapshot = copy.deepcopy(SNAPSHOT)
    snapshot["indicators"][2]["period"] = {"numerator": "9", "denominator": "281.25"}  # 3.20 > 2.22 baseline
    snapshot["start_budget_paid_before"] = True
    amounts = [line["amount"] for line in statement_calculation.calculate(snapshot)["lines"]]
    # admissions now cost 9 × 3200: no savings either way; the start budget was paid before
    assert amounts == ["1800.00", "2500.00", "0.00", "0.00"]
