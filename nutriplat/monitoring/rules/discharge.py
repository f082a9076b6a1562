"""A client back from hospital: the weeks after a discharge are when weight and intake
slip and readmissions happen, so a recent discharge is a signal of its own (it raises the
rank of whatever else the client's case holds)."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from nutriplat.monitoring.rules.findings import Finding, Transfer

HOSPITAL = "hospital"


def recent_discharge(transfers: Sequence[Transfer], on: date, window_days: float) -> Finding | None:
    """The client's latest move up to ``on`` took them out of hospital at most
    ``window_days`` days ago (the discharge day is day 0). A later move back into hospital
    ends the signal: the client is in hospital care again."""
    moves = [t for t in transfers if t.on <= on]
    if not moves:
        return None
    last = moves[-1]
    since = (on - last.on).days
    if last.from_setting != HOSPITAL or last.to_setting == HOSPITAL or since > window_days:
        return None
    admitted = next((t.on for t in reversed(moves[:-1]) if t.to_setting == HOSPITAL), None)
    stay = "" if admitted is None else f" after {(last.on - admitted).days} days in hospital"
    return Finding("recent_discharge", "medium",
                   f"Discharged from hospital to {last.to_setting.replace('_', ' ')} on {last.on.isoformat()}"
                   f"{stay}: the weeks after a discharge are when intake and weight slip.", last.on,
                   {"discharged_on": last.on.isoformat(), "to_setting": last.to_setting,
                    "admitted_on": None if admitted is None else admitted.isoformat(),
                    "window_days": int(window_days)})
