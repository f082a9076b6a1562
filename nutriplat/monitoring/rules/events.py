"""Rules on discrete events: a screening risk category going up, and missed deliveries."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from nutriplat.monitoring.rules.findings import Finding, ScreeningResult
from nutriplat.screening.domain import RISKS
from nutriplat.screening.domain.outcomes import CARE_PLAN, LABELS

MISSED = ("not_home", "refused")


def risk_increased(screenings: Sequence[ScreeningResult]) -> Finding | None:
    """The latest result against the one before it with the same instrument: a higher
    category (in the instrument's own order) warns; high when it now needs a care plan."""
    if not screenings:
        return None
    latest = screenings[-1]
    earlier = [s for s in screenings[:-1] if s.instrument == latest.instrument]
    if not earlier:
        return None
    before = earlier[-1]
    order = RISKS[latest.instrument]
    if order.index(latest.risk) <= order.index(before.risk):
        return None
    severity = "high" if (latest.instrument, latest.risk) in CARE_PLAN else "medium"
    label = LABELS[latest.instrument]
    return Finding("risk_increased", severity,
                   f"{label} risk went up from {before.risk} ({before.on.isoformat()}) to {latest.risk} "
                   f"({latest.on.isoformat()}).", latest.on,
                   {"instrument": latest.instrument, "from": before.risk, "to": latest.risk,
                    "from_on": before.on.isoformat(), "to_on": latest.on.isoformat()})


def deliveries_missed(outcomes: Sequence[tuple[date, str]]) -> Finding | None:
    """The last two delivery outcomes were both missed (not home) or refused."""
    if len(outcomes) < 2 or not all(status in MISSED for _, status in outcomes[-2:]):
        return None
    (first_day, first), (second_day, second) = outcomes[-2:]
    return Finding("deliveries_missed", "medium",
                   f"Two deliveries in a row did not reach the client ({first} on {first_day.isoformat()}, "
                   f"{second} on {second_day.isoformat()}).", first_day,
                   {"deliveries": [[first_day.isoformat(), first], [second_day.isoformat(), second]]})
