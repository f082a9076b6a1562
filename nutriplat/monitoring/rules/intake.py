"""Intake and fluid rules over the last week of intake records.

A day counts only when something was recorded that day; a day without records breaks a
run of consecutive days (we do not know how it went). Rules look back a week from the
evaluation date, so a record entered late still completes a run."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta

from nutriplat.monitoring.rules import baseline
from nutriplat.monitoring.rules.findings import DayIntake, Finding

LOOKBACK_DAYS = 7
RUN_DAYS = 3
LOW_DAY_PERCENT = 50.0
LOW_WEEK_PERCENT = 75.0
MIN_DAYS_IN_WEEK = 4  # a weekly mean over fewer recorded days says too little


def _days(on: date) -> list[date]:
    return [on - timedelta(days=n) for n in range(LOOKBACK_DAYS - 1, -1, -1)]


def latest_run(intake: Mapping[date, DayIntake], on: date,
               low: Callable[[DayIntake], bool]) -> list[date]:
    """The latest run of at least RUN_DAYS consecutive recorded days that are all ``low``."""
    best: list[date] = []
    run: list[date] = []
    for day in _days(on):
        record = intake.get(day)
        run = [*run, day] if record is not None and low(record) else []
        if len(run) >= RUN_DAYS:
            best = run
    return best


def _own(own_level: float | None) -> tuple[str, dict[str, float]]:
    """How the cause and the detail name the client's own level, when the threshold came from it."""
    if own_level is None:
        return "", {}
    return f", the client's own level being {own_level:.0f} %", {"own_level_percent": own_level}


def intake_below_half(intake: Mapping[date, DayIntake], on: date,
                      low_percent: float = LOW_DAY_PERCENT, own_level: float | None = None) -> Finding | None:
    run = latest_run(intake, on, lambda d: d.mean_percent < low_percent)
    if not run:
        return None
    means = {d.isoformat(): round(intake[d].mean_percent, 1) for d in run}
    own, detail = _own(own_level)
    return Finding("intake_below_50_3_days", "high",
                   f"Mean intake below {low_percent:.0f} % of the plan on {len(run)} consecutive days "
                   f"({run[0].isoformat()} to {run[-1].isoformat()}{own}).", run[0], {"days": means, **detail})


def intake_below_three_quarters(intake: Mapping[date, DayIntake], on: date, low_percent: float = LOW_WEEK_PERCENT,
                                own_level: float | None = None) -> Finding | None:
    """The week's mean below the threshold, and so were most of its recorded days: a bad
    day or two (a cold, a visit) pulls the mean down but is not a week of eating less."""
    recorded = [d for d in _days(on) if d in intake]
    if len(recorded) < MIN_DAYS_IN_WEEK:
        return None
    mean = sum(intake[d].mean_percent for d in recorded) / len(recorded)
    low_days = sum(intake[d].mean_percent < low_percent for d in recorded)
    if mean >= low_percent or 2 * low_days <= len(recorded):
        return None
    first = on - timedelta(days=LOOKBACK_DAYS - 1)
    own, detail = _own(own_level)
    return Finding("intake_below_75_7_days", "medium",
                   f"Mean intake {mean:.0f} % of the plan over the 7 days to {on.isoformat()} "
                   f"(below {low_percent:.0f} %{own}, {len(recorded)} days recorded).", first,
                   {"mean_percent": round(mean, 1), "days_recorded": len(recorded), "until": on.isoformat(), **detail})


def fluid_below_target(intake: Mapping[date, DayIntake], target_ml: float | None, on: date,
                       own_ml: float | None = None) -> Finding | None:
    """Below the limit on 3 consecutive days: the target, or with a stable baseline
    (``own_ml``) FLUID_DROP_SHARE below the client's own level, whichever is lower."""
    if not target_ml:
        return None
    limit = baseline.fluid_limit(target_ml, own_ml)
    run = latest_run(intake, on, lambda d: d.fluid_ml is not None and d.fluid_ml < limit)
    if not run:
        return None
    days = {d.isoformat(): intake[d].fluid_ml for d in run}
    if limit != target_ml:
        return Finding("fluid_below_target", "medium",
                       f"Fluid below {limit:.0f} ml, {baseline.FLUID_DROP_SHARE:.0%} under the client's own level "
                       f"of {own_ml or 0:.0f} ml "
                       f"(target {target_ml:.0f} ml), on {len(run)} consecutive days "
                       f"({run[0].isoformat()} to {run[-1].isoformat()}).", run[0],
                       {"target_ml": target_ml, "own_level_ml": own_ml, "limit_ml": limit, "days": days})
    return Finding("fluid_below_target", "medium",
                   f"Fluid below the target of {target_ml:.0f} ml on {len(run)} consecutive days "
                   f"({run[0].isoformat()} to {run[-1].isoformat()}).", run[0],
                   {"target_ml": target_ml, "days": days})


def no_intake_recorded(intake: Mapping[date, DayIntake], on: date, expected: bool) -> Finding | None:
    """For a client at home whose caregiver records intake: nothing recorded for 3 days."""
    days = [on - timedelta(days=n) for n in range(RUN_DAYS - 1, -1, -1)]
    if not expected or any(day in intake for day in days):
        return None
    return Finding("no_intake_recorded", "medium",
                   f"No intake recorded for {RUN_DAYS} days ({days[0].isoformat()} to {on.isoformat()}) "
                   "although a caregiver records for this client.", days[0],
                   {"from": days[0].isoformat(), "until": on.isoformat()})
