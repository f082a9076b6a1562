"""Which days a client was at home to eat from their own stock: status ``active`` and
care setting ``home`` on that day, as the dated histories say. A change applies from
its own day on (admitted on Tuesday: Tuesday's meals are eaten in hospital)."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from datetime import date


def value_on(history: Sequence[tuple[date, str]], day: date, current: str) -> str:
    """The value in force on ``day`` from (date, new value) pairs sorted by date; the
    current value when the history says nothing (an old record without history)."""
    if not history:
        return current
    i = bisect_right([changed for changed, _ in history], day)
    return history[i - 1][1] if i else "not registered"


def days_at_home(days: Iterable[date], statuses: Sequence[tuple[date, str]], settings: Sequence[tuple[date, str]],
                 current_status: str, current_setting: str) -> set[date]:
    return {day for day in days if value_on(statuses, day, current_status) == "active"
            and value_on(settings, day, current_setting) == "home"}
