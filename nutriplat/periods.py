"""Periods of the calendar, shared by every area: ``Month`` (the billing period, half-open
``[first, end)``) and ``Period`` (a reporting month ``2026-09``, quarter ``2026Q3`` or year
``2026``, ``end`` inclusive). Dates are Europe/Brussels business dates."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

KINDS = ("month", "quarter", "year")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_QUARTER = re.compile(r"^(\d{4})Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        """'2026-10' → Month(2026, 10); anything else raises ValueError."""
        match = _MONTH.match(text or "")
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


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date
    kind: str

    @classmethod
    def parse(cls, text: str) -> Period:
        """'2026-09', '2026Q3' or '2026'; anything else raises ValueError."""
        text = (text or "").strip()
        if match := _MONTH.match(text):
            return cls.month(int(match[1]), int(match[2]))
        if match := _QUARTER.match(text):
            year, quarter = int(match[1]), int(match[2])
            return cls(date(year, 3 * quarter - 2, 1), Month(year, 3 * quarter).last, "quarter")
        if match := _YEAR.match(text):
            return cls(date(int(match[1]), 1, 1), date(int(match[1]), 12, 31), "year")
        raise ValueError("Must be a month (2026-09), a quarter (2026Q3) or a year (2026).")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(date(year, month, 1), Month(year, month).last, "month")

    @classmethod
    def month_of(cls, day: date) -> Period:
        return cls.month(day.year, day.month)

    @property
    def label(self) -> str:
        if self.kind == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        if self.kind == "quarter":
            return f"{self.start.year:04d}Q{(self.start.month + 2) // 3}"
        return f"{self.start.year:04d}"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def months(self) -> list[Period]:
        out, day = [], self.start
        while day <= self.end:
            out.append(Period.month_of(day))
            day = out[-1].end + timedelta(days=1)
        return out

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    def is_complete(self, today: date) -> bool:
        return self.end < today

    def __str__(self) -> str:
        return self.label


def last_complete_quarter(today: date) -> Period:
    """The default report period (issue 8): the quarter before the current one."""
    before = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1) - timedelta(days=1)
    return Period.parse(f"{before.year}Q{(before.month + 2) // 3}")


def periods_between(kind: str, first: date, last: date) -> list[Period]:
    """Every period of ``kind`` touched by [first, last], in order."""
    out: list[Period] = []
    for month in (Period(first, last, "month").months() if first <= last else []):
        label = {"month": month.label, "quarter": f"{month.start.year}Q{(month.start.month + 2) // 3}",
                 "year": f"{month.start.year}"}[kind]
        if not out or out[-1].label != label:
            out.append(Period.parse(label))
    return out
