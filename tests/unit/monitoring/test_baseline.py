"""The client's own level: a stable low intake is not a new signal every day, a drop from
the client's own level is; a dietitian's own threshold wins; an alert whose condition is
over for some days clears."""
from __future__ import annotations

from datetime import date, timedelta

from nutriplat.monitoring.rules import DayIntake, Observations, evaluate
from nutriplat.monitoring.rules.baseline import learn
from nutriplat.monitoring.rules.merge import CLEAR_AFTER_DAYS, cleared

ON = date(2026, 11, 20)


def history(usual: float, this_week: float, fluid_usual: int = 1800, fluid_week: int = 1800,
            wobble: float = 4.0) -> dict[date, DayIntake]:
    """Five weeks of days: four at the client's usual level (alternating ±wobble), then this week."""
    days = {}
    for n in range(35):
        day = ON - timedelta(days=n)
        if n < 7:
            days[day] = DayIntake(3, this_week, fluid_week)
        else:
            days[day] = DayIntake(3, usual + (wobble if n % 2 else -wobble), fluid_usual)
    return days


def rules_found(intake: dict[date, DayIntake], thresholds: dict[str, float] | None = None,
                target: float = 1500) -> set[str]:
    seen = Observations(intake=intake, fluid_target_ml=target, thresholds=thresholds or {})
    return {f.rule for f in evaluate(seen, ON, ("intake",))}


def test_a_stable_intake_of_seventy_percent_is_not_a_signal():
    assert rules_found(history(70, 70)) == set()


def test_a_drop_from_the_clients_own_level_is_a_signal_even_above_the_fixed_threshold():
    assert rules_found(history(95, 78)) == {"intake_below_75_7_days"}  # 17 points below their own 95 %
    [finding] = evaluate(Observations(intake=history(95, 78), fluid_target_ml=1500), ON, ("intake",))
    assert finding.detail["own_level_percent"] == 95.0 and "own level being 95 %" in finding.cause


def test_without_a_stable_baseline_the_fixed_thresholds_hold():
    fresh = {day: record for day, record in history(70, 70).items() if day > ON - timedelta(days=7)}
    assert rules_found(fresh) == {"intake_below_75_7_days"}
    erratic = history(70, 70, wobble=20)  # day means 50 and 90: a spread of 20 points
    assert learn(erratic, ON, 7) is None and rules_found(erratic) == {"intake_below_75_7_days"}


def test_a_dietitians_own_threshold_wins_over_the_baseline():
    assert rules_found(history(70, 70), {"intake_week_percent": 75}) == {"intake_below_75_7_days"}
    assert rules_found(history(95, 78), {"intake_drop_points": 20}) == set()


def test_a_day_far_below_the_clients_own_low_level_is_what_the_three_day_rule_reads():
    assert rules_found(history(60, 40)) == {"intake_below_75_7_days"}  # 40 is not below 60 - 25: no day rule
    assert "intake_below_50_3_days" in rules_found(history(60, 30))


def test_fluid_below_target_reads_the_clients_own_level_when_always_below_it():
    assert rules_found(history(90, 90, fluid_usual=1200, fluid_week=1200)) == set()
    assert rules_found(history(90, 90, fluid_usual=1200, fluid_week=900)) == set()  # 25 % below: not yet
    assert rules_found(history(90, 90, fluid_usual=1200, fluid_week=850)) == {"fluid_below_target"}
    assert rules_found(history(90, 90, fluid_usual=1700, fluid_week=1400)) == set()  # below target, usual for them
    assert rules_found(history(90, 90, fluid_usual=2400, fluid_week=1400)) == {"fluid_below_target"}


def test_an_alert_clears_after_a_week_without_its_finding():
    assert not cleared(ON, ON + timedelta(days=CLEAR_AFTER_DAYS - 1))
    assert cleared(ON, ON + timedelta(days=CLEAR_AFTER_DAYS))
