"""Calendar months, the billing period. Dates are Europe/Brussels business dates."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_PATTERN = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        """'2026-10' → Month(2026, 10); anything else raises ValueError."""
        match = _PATTERN.match(text or "")
        if not match:
            raise ValueError("Must be a month as YYYY-MM.")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    @property
    def first(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def days(self) -> int:
        return calendar.monthrange(self.year, self.month)[1]

    @property
    def last(self) -> date:
        return date(self.year, self.month, self.days)

    @property
    def end(self) -> date:
        """The first day after the month (periods are half-open: [first, end))."""
        return self.last + timedelta(days=1)

    def next(self) -> Month:
        return Month.of(self.end)

    def previous(self) -> Month:
        return Month.of(self.first - timedelta(days=1))

    def months_since(self, earlier: Month) -> int:
        return (self.year - earlier.year) * 12 + self.month - earlier.month

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def last_complete_month(today: date) -> Month:
    return Month.of(today).previous()


def overlap_days(start: date, end: date | None, month: Month) -> int:
    """Days of [start, end) inside the month; ``end`` None is open-ended."""
    lo = max(start, month.first)
    hi = min(end or month.end, month.end)
    return max(0, (hi - lo).days)
