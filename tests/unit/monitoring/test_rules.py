"""The early-warning rules on plain values, at their edges, and how findings merge."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from nutriplat.monitoring.rules import DayIntake, Observations, ScreeningResult, evaluate
from nutriplat.monitoring.rules.events import deliveries_missed, risk_increased
from nutriplat.monitoring.rules.intake import (
    fluid_below_target,
    intake_below_half,
    intake_below_three_quarters,
    no_intake_recorded,
)
from nutriplat.monitoring.rules.merge import OpenAlert, ResolvedAlert, decide
from nutriplat.monitoring.rules.weight import weight_loss

ON = date(2026, 11, 20)


def d(n: int) -> date:
    """n days before ON."""
    return ON - timedelta(days=n)


@pytest.mark.parametrize(("earlier", "now", "fires"), [(70.0, 66.5, True), (70.0, 66.6, False), (80.0, 76.0, True)])
def test_weight_loss_of_five_percent_within_a_month(earlier, now, fires):
    # 70 → 66.5 is 5.0 %; 70 → 66.6 is 4.857… → 4.9 %
    finding = weight_loss([(date(2026, 10, 20), earlier), (ON, now)])
    assert (finding is not None) == fires
    if finding:
        assert finding.severity == "high" and finding.detail["window_months"] == 1
        assert finding.evidence_from == ON and "within 1 month" in finding.cause


def test_a_loss_over_more_than_a_month_is_not_the_one_month_rule():
    assert weight_loss([(date(2026, 10, 19), 70.0), (ON, 66.0)]) is None  # 32 days; 5.7 % < 10 %


def test_weight_loss_of_ten_percent_within_six_months():
    weights = [(date(2026, 5, 20), 70.0), (date(2026, 8, 1), 66.0), (date(2026, 10, 1), 64.0), (ON, 63.0)]
    finding = weight_loss(weights)
    assert finding is not None and finding.detail["window_months"] == 6 and finding.detail["loss_percent"] == 10.0
    assert weight_loss([(date(2026, 5, 19), 70.0), (ON, 63.0)]) is None  # just over six months


def test_the_highest_weight_in_the_window_is_the_reference():
    weights = [(date(2026, 10, 25), 68.0), (date(2026, 11, 5), 70.0), (ON, 66.5)]
    assert weight_loss(weights).detail["from_kg"] == 70.0  # type: ignore[union-attr]
    assert weight_loss([(ON, 60.0)]) is None and weight_loss([]) is None


def days(**percent_by_age):
    return {d(int(age[1:])): DayIntake(3, percent, 1200) for age, percent in percent_by_age.items()}


def test_intake_below_half_on_three_consecutive_days():
    finding = intake_below_half(days(d2=40, d1=45, d0=49.9), ON)
    assert finding is not None and finding.severity == "high" and finding.evidence_from == d(2)
    assert intake_below_half(days(d2=40, d1=50, d0=30), ON) is None  # 50 is not below half
    assert intake_below_half(days(d3=40, d1=45, d0=30), ON) is None  # a day without records breaks the run


def test_a_run_completed_by_a_late_record_still_counts():
    finding = intake_below_half(days(d5=30, d4=30, d3=30, d0=90), ON)
    assert finding is not None and finding.evidence_from == d(5)
    assert intake_below_half(days(d9=30, d8=30, d7=30), ON) is None  # older than a week


def test_intake_below_three_quarters_over_seven_days():
    assert intake_below_three_quarters(days(d6=70, d4=70, d2=80, d0=70), ON) is not None  # mean 72.5
    assert intake_below_three_quarters(days(d6=70, d4=70, d2=80, d0=80), ON) is None  # mean 75
    assert intake_below_three_quarters(days(d2=10, d1=10, d0=10), ON) is None  # 3 days say too little


def test_fluid_below_target_on_three_consecutive_days():
    intake = {d(n): DayIntake(2, 80, ml) for n, ml in ((2, 1000), (1, 1599), (0, 900))}
    finding = fluid_below_target(intake, 1600, ON)
    assert finding is not None and finding.detail["target_ml"] == 1600
    intake[d(1)] = DayIntake(2, 80, 1600)
    assert fluid_below_target(intake, 1600, ON) is None
    intake[d(1)] = DayIntake(2, 80, None)  # meals recorded but no fluid: unknown, breaks the run
    assert fluid_below_target(intake, 1600, ON) is None


def test_no_intake_for_three_days_only_matters_when_a_caregiver_records():
    assert no_intake_recorded(days(d3=80), ON, expected=True) is not None
    assert no_intake_recorded(days(d2=80), ON, expected=True) is None
    assert no_intake_recorded({}, ON, expected=False) is None


def screening(instrument, risk, day):
    return ScreeningResult(instrument, risk, day)


def test_a_risk_category_going_up_within_one_instrument():
    history = [screening("must", "low", d(60)), screening("mna_sf", "malnourished", d(40)),
               screening("must", "medium", d(0))]
    finding = risk_increased(history)
    assert finding is not None and finding.severity == "medium" and finding.detail["from"] == "low"
    assert risk_increased(history[:2] + [screening("must", "high", d(0))]).severity == "high"  # needs a plan
    assert risk_increased([screening("must", "high", d(9)), screening("must", "medium", d(0))]) is None
    assert risk_increased([screening("must", "low", d(9)), screening("mna_sf", "at_risk", d(0))]) is None


def test_two_missed_or_refused_deliveries_in_a_row():
    assert deliveries_missed([(d(14), "not_home"), (d(7), "refused")]) is not None
    assert deliveries_missed([(d(21), "not_home"), (d(14), "delivered"), (d(7), "refused")]) is None
    assert deliveries_missed([(d(7), "refused")]) is None


def test_evaluate_runs_only_the_families_asked_for():
    seen = Observations(weights=[(d(20), 70.0), (ON, 60.0)], intake=days(d2=10, d1=10, d0=10),
                        fluid_target_ml=1600, delivery_outcomes=[(d(7), "not_home"), (ON, "refused")])
    assert {f.rule for f in evaluate(seen, ON, ["weight"])} == {"weight_loss"}
    assert {f.rule for f in evaluate(seen, ON)} == {
        "weight_loss", "intake_below_50_3_days", "fluid_below_target", "deliveries_missed"}


def test_merging_findings_into_alerts():
    finding = weight_loss([(d(20), 70.0), (ON, 66.0)])
    assert finding is not None
    created = decide(finding, ON, None, None)
    assert created.action == "create" and created.changes["occurrences"] == 1
    state = OpenAlert("high", dict(finding.detail), ON, 1)
    assert decide(finding, ON, state, None).action == "none"  # the same data twice: nothing
    assert decide(finding, ON + timedelta(days=1), state, None).changes == {"last_detected_on": ON + timedelta(1)}
    worse = weight_loss([(d(20), 70.0), (ON, 63.0)])
    merged = decide(worse, ON, state, None)  # type: ignore[arg-type]
    assert merged.action == "update" and merged.changes["occurrences"] == 2
    seen = ResolvedAlert(ON, dict(finding.detail))
    assert decide(finding, ON, None, seen).action == "none"  # dealt with already
    assert decide(worse, ON, None, seen).action == "create"  # weighed again the same day, still falling
    assert decide(finding, ON, None, ResolvedAlert(d(1), {})).action == "create"  # evidence after the resolution
    assert decide(finding, ON, None, ResolvedAlert(ON + timedelta(1), {})).action == "none"
