"""Routing counts seconds from 00:00 of the delivery day (Europe/Brussels); people read
clock times and ISO timestamps."""
from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from nutriplat.clock import BRUSSELS


def seconds_of(at: time) -> int:
    return at.hour * 3600 + at.minute * 60 + at.second


def time_of(seconds: int) -> time:
    seconds = max(0, min(int(seconds), 24 * 3600 - 1))
    return time(seconds // 3600, seconds // 60 % 60, seconds % 60)


def moment(day: date, seconds: int | None) -> datetime | None:
    """The instant ``seconds`` after local midnight (DST days: wall-clock arithmetic)."""
    if seconds is None:
        return None
    return datetime.combine(day, time(0), BRUSSELS) + timedelta(seconds=int(seconds))


def clock_text(seconds: int) -> str:
    return time_of(seconds).strftime("%H:%M")


_SECONDS_AFTER = re.compile(r"\b(at|by|after|before) (\d{3,5})\b")


def readable(fault: str) -> str:
    """A checker sentence with its second counts as clock times ('at 41400' -> 'at 11:30')."""
    return _SECONDS_AFTER.sub(lambda m: f"{m.group(1)} {clock_text(int(m.group(2)))}", fault)
