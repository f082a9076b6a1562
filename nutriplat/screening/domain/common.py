"""Arithmetic and calendar rules shared by all instruments (spec: "Common rules").

Rounding is always Decimal ROUND_HALF_UP: Python's round() rounds half to even and works on
the binary float, so round(18.45, 1) can give 18.4 and move a client across a band edge.
Public helpers return float (one decimal, exact to print and compare) so callers and JSON
never see Decimal; all arithmetic happens in Decimal.
"""
from __future__ import annotations

import calendar
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

Number = int | float | Decimal

ONE_DECIMAL = Decimal("0.1")
WHOLE = Decimal("1")
BRUSSELS = ZoneInfo("Europe/Brussels")  # business dates are Brussels dates (DESIGN.md)


def to_decimal(value: Number) -> Decimal:
    """Exact Decimal for a number; floats go through repr so 70.1 stays 70.1, not 70.0999…."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise TypeError(f"not a number: {value!r}")
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def half_up(value: Number, step: Decimal = ONE_DECIMAL) -> Decimal:
    return to_decimal(value).quantize(step, rounding=ROUND_HALF_UP)


def _positive(name: str, value: Number) -> Decimal:
    d = to_decimal(value)
    if not d.is_finite() or d <= 0:
        raise ValueError(f"{name} must be a positive number, got {value!r}")
    return d


def bmi(weight_kg: Number, height_cm: Number) -> float:
    """weight_kg / (height_cm / 100)², rounded half-up to one decimal BEFORE any banding."""
    w, h = _positive("weight_kg", weight_kg), _positive("height_cm", height_cm)
    return float(half_up(w / (h / 100) ** 2))


def weight_loss_percent(earlier: Number, current: Number) -> float:
    """(earlier − current) / earlier × 100, half-up to one decimal; a gain counts as 0.0."""
    e, c = _positive("earlier weight", earlier), _positive("current weight", current)
    loss = (e - c) / e * 100
    return 0.0 if loss <= 0 else float(half_up(loss))


def weight_loss_kg(earlier: Number, current: Number) -> float:
    """Exact kilograms lost (Decimal subtraction: 64.1 − 61.1 is 3.0, not 3.0000000000000071)."""
    e, c = _positive("earlier weight", earlier), _positive("current weight", current)
    return float(max(e - c, Decimal(0)))


def add_months(day: date, months: int) -> date:
    """Calendar months, clamped to the month's end: Jan 31 + 1 → Feb 28 (29 in leap years)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def age_at(birth_date: date, on_date: date) -> int:
    """Completed years. Someone born on 29 February completes a year on 1 March in common
    years (the birthday has not been reached on 28 February)."""
    if on_date < birth_date:
        raise ValueError(f"birth date {birth_date} is after {on_date}")
    before_birthday = (on_date.month, on_date.day) < (birth_date.month, birth_date.day)
    return on_date.year - birth_date.year - int(before_birthday)


def business_date(value: date | datetime) -> date:
    """The Brussels calendar date of a date or timestamp (aware timestamps are converted;
    naive ones are taken as already local)."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(BRUSSELS)
        return value.date()
    if isinstance(value, date):
        return value
    raise TypeError(f"not a date: {value!r}")
