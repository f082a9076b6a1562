"""What an early-warning rule reports, and what it reads: plain values, no database."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

SEVERITIES = ("low", "medium", "high")


def more_severe(a: str, b: str) -> str:
    return max(a, b, key=SEVERITIES.index)


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    cause: str  # one sentence for the care team
    evidence_from: date  # the first day whose data raised it
    detail: Mapping[str, Any]  # JSON-ready; the same evidence gives the same detail


@dataclass(frozen=True)
class DayIntake:
    meals: int
    mean_percent: float  # mean percent eaten over the day's recorded meals
    fluid_ml: int | None  # None: no fluid recorded that day


@dataclass(frozen=True)
class ScreeningResult:
    instrument: str
    risk: str
    on: date


@dataclass(frozen=True)
class Transfer:
    """A move between care settings (admission, discharge)."""

    on: date
    from_setting: str | None
    to_setting: str


@dataclass(frozen=True)
class Observations:
    """A client's recent data as the rules need it (histories oldest first)."""

    weights: Sequence[tuple[date, float]] = ()
    intake: Mapping[date, DayIntake] = field(default_factory=dict)
    fluid_target_ml: float | None = None
    screenings: Sequence[ScreeningResult] = ()
    delivery_outcomes: Sequence[tuple[date, str]] = ()  # (delivery date, delivered/not_home/refused)
    intake_expected_from_caregiver: bool = False  # active at home, a caregiver may record
    thresholds: Mapping[str, float] = field(default_factory=dict)  # the client's own (rules/thresholds.py)
    transfers: Sequence[Transfer] = ()  # care-setting moves, oldest first
