"""Early-warning rules as pure functions: ``evaluate`` runs the rules of the families an
event touches (or all of them, for the nightly sweep) over a client's observations."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from nutriplat.monitoring.rules import events, intake, weight
from nutriplat.monitoring.rules.findings import (
    SEVERITIES,
    DayIntake,
    Finding,
    Observations,
    ScreeningResult,
    more_severe,
)
from nutriplat.monitoring.rules.thresholds import value

Rule = Callable[[Observations, date], "Finding | None"]

# Which rules an event re-evaluates: a new weight cannot change an intake finding.
FAMILIES: dict[str, tuple[Rule, ...]] = {
    "weight": (lambda o, on: weight.weight_loss(o.weights, (value(o.thresholds, "weight_loss_1_month_percent"),
                                                            value(o.thresholds, "weight_loss_6_months_percent"))),),
    "intake": (
        lambda o, on: intake.intake_below_half(o.intake, on, value(o.thresholds, "intake_day_percent")),
        lambda o, on: intake.intake_below_three_quarters(o.intake, on, value(o.thresholds, "intake_week_percent")),
        lambda o, on: intake.fluid_below_target(o.intake, o.fluid_target_ml, on),
        lambda o, on: intake.no_intake_recorded(o.intake, on, o.intake_expected_from_caregiver),
    ),
    "screening": (lambda o, on: events.risk_increased(o.screenings),),
    "deliveries": (lambda o, on: events.deliveries_missed(o.delivery_outcomes),),
}
RULES = ("weight_loss", "intake_below_50_3_days", "intake_below_75_7_days", "fluid_below_target",
         "no_intake_recorded", "risk_increased", "deliveries_missed")


def evaluate(observations: Observations, on: date,
             families: Iterable[str] = tuple(FAMILIES)) -> list[Finding]:
    findings = (rule(observations, on) for family in families for rule in FAMILIES[family])
    return [finding for finding in findings if finding is not None]


__all__ = ["FAMILIES", "RULES", "SEVERITIES", "DayIntake", "Finding", "Observations", "ScreeningResult",
           "evaluate", "more_severe"]
