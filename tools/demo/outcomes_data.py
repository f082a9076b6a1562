"""What the demo's clients ate, how they rated the service, and the goals they set, drawn
deterministically per client (a seeded ``random.Random`` per client key). Pure: plain
values in, plain values out; ``outcomes.py`` stores them."""
from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from nutriplat.monitoring.experience import ITEMS
from nutriplat.periods import Period, periods_between

MEALS = ("breakfast", "lunch", "dinner")
RECORDED_SHARE = 0.9  # caregivers and nursing staff miss a day now and then
MIN_DAYS_FOR_A_SURVEY = 30


@dataclass(frozen=True)
class History:
    """A client's status changes and care-setting transfers, (date, to) oldest first."""

    statuses: Sequence[tuple[date, str]]
    settings: Sequence[tuple[date, str]]

    def eating_days(self, first: date, last: date) -> list[date]:
        """Days in service and not in hospital: the days meals are eaten and recorded."""
        return [day for day in _days(first, last)
                if _on(self.statuses, day) == "active" and _on(self.settings, day) != "hospital"]


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _on(changes: Sequence[tuple[date, str]], day: date) -> str | None:
    current = None
    for changed_on, to in changes:
        if changed_on > day:
            break
        current = to
    return current


def rng_for(seed: int, key: str, part: str) -> random.Random:
    return random.Random(f"{seed}/outcomes/{part}/{key}")


def intake_rows(rng: random.Random, days: Sequence[date]) -> list[dict[str, Any]]:
    """Three meals a day around the client's appetite (most improve in care), with what
    they drank at and between meals; some clients drink too little."""
    appetite, thirst = rng.uniform(60, 92), rng.uniform(0.85, 1.3)
    slope = rng.choice((0.08, 0.08, 0.06, 0.0, -0.03))
    rows = []
    for n, day in enumerate(days):
        if rng.random() > RECORDED_SHARE:
            continue
        for slot in MEALS:
            eaten = round((appetite + slope * n + rng.gauss(0, 12)) / 5) * 5
            rows.append({"date": day, "meal_slot": slot, "percent_eaten": max(0, min(100, eaten)),
                         "duration_min": rng.randint(15, 45),
                         "fluid_ml": round(thirst * rng.uniform(400, 700) / 50) * 50})
    return rows


def survey_quarters(days: Sequence[date], today: date) -> list[Period]:
    """Complete quarters the client spent at least a month in care."""
    if not days:
        return []
    in_care = set(days)
    return [q for q in periods_between("quarter", days[0], days[-1])
            if q.end < today
            and sum(day in in_care for day in _days(q.start, q.end)) >= MIN_DAYS_FOR_A_SURVEY]


def survey(rng: random.Random, quarter: Period, today: date) -> dict[str, Any]:
    base = rng.choice((3, 4, 4, 4, 5))
    answered = min(today, quarter.end + timedelta(days=rng.randint(3, 20)))
    return {"period": quarter.label, "answered_on": answered,
            "respondent": rng.choice(("client", "client", "caregiver")),
            "answers": {item: max(1, min(5, base + rng.choice((-1, 0, 0, 1)))) for item in ITEMS}}


def goals(rng: random.Random, today: date) -> list[dict[str, Any]]:
    """A finished activity goal (met or not, judged by the nightly sweep) and a running
    social-contact goal, each with the reports of the steps taken."""
    finished_from, running_from = today - timedelta(days=35), today - timedelta(days=6)
    walks = rng.randint(4, 11)
    return [
        {"domain": "activity", "description": "A short walk outside", "metric": "sessions",
         "direction": "at_least", "target": 8.0, "starts_on": finished_from,
         "ends_on": today - timedelta(days=8), "coins": 50,
         "reports": sorted(finished_from + timedelta(days=rng.randint(0, 27)) for _ in range(walks))},
        {"domain": "social_contact", "description": "Coffee with a neighbour or friend", "metric": "sessions",
         "direction": "at_least", "target": 4.0, "starts_on": running_from,
         "ends_on": today + timedelta(days=21),
         "coins": 30, "reports": sorted(running_from + timedelta(days=rng.randint(0, 5))
                                        for _ in range(rng.randint(0, 2)))},
    ]
