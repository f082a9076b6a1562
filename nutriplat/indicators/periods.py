"""Reporting periods: a month (``2026-09``), a quarter (``2026Q3``) or a year (``2026``).
Dates are Europe/Brussels business dates; ``end`` is the last day, inclusive."""
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
            return cls(date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter), "quarter")
        if match := _YEAR.match(text):
            return cls(date(int(match[1]), 1, 1), date(int(match[1]), 12, 31), "year")
        raise ValueError("Must be a month (2026-09), a quarter (2026Q3) or a year (2026).")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(date(year, month, 1), _month_end(year, month), "month")

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


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])
