"""Early-warning rules as pure functions: ``evaluate`` runs the rules of the families an
event touches (or all of them, for the nightly sweep) over a client's observations."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from nutriplat.monitoring.rules import baseline, discharge, events, intake, weight
from nutriplat.monitoring.rules.findings import (
    SEVERITIES,
    DayIntake,
    Finding,
    Observations,
    ScreeningResult,
    Transfer,
    more_severe,
)
from nutriplat.monitoring.rules.thresholds import is_own, value

Rule = Callable[[Observations, date], "Finding | None"]


def _own_level(o: Observations, on: date, parameter: str) -> float | None:
    """The client's stable intake baseline, unless their dietitian set this threshold."""
    if is_own(o.thresholds, parameter):
        return None
    own = baseline.learn(o.intake, on, intake.LOOKBACK_DAYS)
    return None if own is None else own.intake_percent


def _day_low(o: Observations, on: date) -> Finding | None:
    fixed, own = value(o.thresholds, "intake_day_percent"), _own_level(o, on, "intake_day_percent")
    limit = fixed if own is None else min(fixed, baseline.own_threshold(fixed, own, baseline.DAY_DROP_POINTS))
    return intake.intake_below_half(o.intake, on, limit, own if limit != fixed else None)


def _week_low(o: Observations, on: date) -> Finding | None:
    own = _own_level(o, on, "intake_week_percent")
    limit = baseline.own_threshold(value(o.thresholds, "intake_week_percent"), own,
                                   value(o.thresholds, "intake_drop_points"))
    return intake.intake_below_three_quarters(o.intake, on, limit, own)


def _fluid_low(o: Observations, on: date) -> Finding | None:
    own = baseline.learn(o.intake, on, intake.LOOKBACK_DAYS)
    return intake.fluid_below_target(o.intake, o.fluid_target_ml, on, None if own is None else own.fluid_ml)


# Which rules an event re-evaluates: a new weight cannot change an intake finding.
FAMILIES: dict[str, tuple[Rule, ...]] = {
    "weight": (lambda o, on: weight.weight_loss(o.weights, (value(o.thresholds, "weight_loss_1_month_percent"),
                                                            value(o.thresholds, "weight_loss_6_months_percent"))),),
    "intake": (
        _day_low,
        _week_low,
        _fluid_low,
        lambda o, on: intake.no_intake_recorded(o.intake, on, o.intake_expected_from_caregiver),
    ),
    "screening": (lambda o, on: events.risk_increased(o.screenings),),
    "deliveries": (lambda o, on: events.deliveries_missed(o.delivery_outcomes),),
    "setting": (lambda o, on: discharge.recent_discharge(o.transfers, on,
                                                         value(o.thresholds, "discharge_window_days")),),
}
# The rules of each family: an evaluation of a family that no longer finds one of them may clear its alert.
RULES_OF_FAMILY = {"weight": ("weight_loss",),
                   "intake": ("intake_below_50_3_days", "intake_below_75_7_days", "fluid_below_target",
                              "no_intake_recorded"),
                   "screening": ("risk_increased",), "deliveries": ("deliveries_missed",),
                   "setting": ("recent_discharge",)}
RULES = ("weight_loss", "intake_below_50_3_days", "intake_below_75_7_days", "fluid_below_target",
         "no_intake_recorded", "risk_increased", "deliveries_missed", "recent_discharge")


def evaluate(observations: Observations, on: date,
             families: Iterable[str] = tuple(FAMILIES)) -> list[Finding]:
    findings = (rule(observations, on) for family in families for rule in FAMILIES[family])
    return [finding for finding in findings if finding is not None]


__all__ = ["FAMILIES", "RULES", "RULES_OF_FAMILY", "SEVERITIES", "DayIntake", "Finding", "Observations",
           "ScreeningResult", "Transfer", "evaluate", "more_severe"]
