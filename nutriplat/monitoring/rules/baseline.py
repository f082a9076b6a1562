"""A client's own level, learnt from their history: the mean of their recorded days in
the four weeks before the week the rules look at. A client whose intake has been at 70 %
for weeks and is stable is not a new signal every day; a drop from their own level is.

The baseline counts only when it is known and stable: at least ``MIN_DAYS`` recorded days
in the ``WINDOW_DAYS`` and a spread of the day means (standard deviation) of at most
``MAX_SPREAD_POINTS``. Without one (a new client, an erratic month) the rules keep their
fixed thresholds."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean, pstdev

from nutriplat.monitoring.rules.findings import DayIntake

WINDOW_DAYS = 28  # the four weeks before the rules' own week
MIN_DAYS = 14
MAX_SPREAD_POINTS = 15.0
DAY_DROP_POINTS = 25.0  # a day far below the client's own level (never above the fixed 50 %)
FLUID_DROP_SHARE = 0.25  # with a baseline, fluid warns at 25 % below the client's own level (at most the target)


@dataclass(frozen=True)
class Baseline:
    intake_percent: float  # mean of the day means
    fluid_ml: float | None  # mean over the days with fluid recorded (at least MIN_DAYS), else None
    days: int


def window(on: date, lookback_days: int) -> list[date]:
    """The baseline's days: the WINDOW_DAYS before the rules' look-back week ending ``on``."""
    last = on - timedelta(days=lookback_days)
    return [last - timedelta(days=n) for n in range(WINDOW_DAYS - 1, -1, -1)]


def learn(intake: Mapping[date, DayIntake], on: date, lookback_days: int) -> Baseline | None:
    days = [intake[d] for d in window(on, lookback_days) if d in intake]
    if len(days) < MIN_DAYS:
        return None
    means = [d.mean_percent for d in days]
    if pstdev(means) > MAX_SPREAD_POINTS:
        return None
    fluids = [d.fluid_ml for d in days if d.fluid_ml is not None]
    return Baseline(round(fmean(means), 1), round(fmean(fluids)) if len(fluids) >= MIN_DAYS else None, len(days))


def own_threshold(fixed: float, baseline: float | None, drop_points: float) -> float:
    """With a stable baseline, the client's own level minus ``drop_points``; else the fixed
    threshold."""
    return fixed if baseline is None else round(baseline - drop_points, 1)


def fluid_limit(target_ml: float, baseline_ml: float | None) -> float:
    """Without a baseline, below the target warns. With one, a drop of FLUID_DROP_SHARE from
    the client's own level does, capped at the target: a client who drinks 1700 ml a day
    against a target of 1600 is not a signal on three days of 1550 ml (their normal range),
    one who always drinks 1200 ml is on three days of 850 ml."""
    if baseline_ml is None:
        return target_ml
    return min(target_ml, round(baseline_ml * (1 - FLUID_DROP_SHARE)))
