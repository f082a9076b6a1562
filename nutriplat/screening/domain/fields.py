"""Strict validators for answer values, as they arrive from JSON.

Strict on purpose: a score computed from a silently coerced value ("1" → true, true → 1,
2.0 → 2) is a score nobody asked for. Each validator returns the normalised value or raises
``Invalid`` with every reason it found.
"""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from .common import half_up, to_decimal

Validator = Callable[[Any], Any]


class Invalid(Exception):
    def __init__(self, *reasons: str):
        super().__init__(*reasons)
        self.reasons = reasons


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)  # bool is an int subclass


def boolean() -> Validator:
    def check(value: Any) -> bool:
        if not isinstance(value, bool):
            raise Invalid("must be true or false")
        return value
    return check


def number(*, gt: float | None = None, ge: float | None = None, lt: float | None = None,
           le: float | None = None, one_decimal: bool = False) -> Validator:
    """A finite int/float/Decimal within bounds; ``one_decimal`` applies the spec's half-up
    rounding before banding to caller-supplied values too, so a given 20.04 bands like a
    derived 20.0 (the spec's rule is about the value banded, not where it came from)."""
    def check(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
            raise Invalid("must be a number")
        d = to_decimal(value)
        if not d.is_finite():
            raise Invalid("must be a finite number")
        reasons = []
        if gt is not None and d <= to_decimal(gt):
            reasons.append(f"must be greater than {gt}")
        if ge is not None and d < to_decimal(ge):
            reasons.append(f"must be at least {ge}")
        if lt is not None and d >= to_decimal(lt):
            reasons.append(f"must be less than {lt}")
        if le is not None and d > to_decimal(le):
            reasons.append(f"must be at most {le}")
        if reasons:
            raise Invalid(*reasons)
        return float(half_up(d) if one_decimal else d)
    return check


def integer(minimum: int, maximum: int) -> Validator:
    def check(value: Any) -> int:
        if not _is_int(value) or not minimum <= value <= maximum:
            raise Invalid(f"must be an integer from {minimum} to {maximum}")
        return int(value)
    return check


def choice(*options: str) -> Validator:
    def check(value: Any) -> str:
        if not isinstance(value, str) or value not in options:
            raise Invalid("must be one of: " + ", ".join(options))
        return value
    return check


def nullable(inner: Validator) -> Validator:
    """null is a meaningful answer (e.g. NRS-2002 "no 5 % loss in any period")."""
    def check(value: Any) -> Any:
        return None if value is None else inner(value)
    return check


def int_list(length: int, minimum: int, maximum: int) -> Validator:
    def check(value: Any) -> tuple[int, ...]:
        if not isinstance(value, (list, tuple)):
            raise Invalid(f"must be a list of exactly {length} integers "
                          f"from {minimum} to {maximum}")
        reasons = [] if len(value) == length else [
            f"must be a list of exactly {length} integers (got {len(value)})"]
        reasons += [f"item {i} must be an integer from {minimum} to {maximum}"
                    for i, item in enumerate(value, start=1)
                    if not _is_int(item) or not minimum <= item <= maximum]
        if reasons:
            raise Invalid(*reasons)
        return tuple(value)
    return check


# Shared field definitions. Bounds beyond the spec's are plausibility limits that only
# catch typing slips (a BMI of 215 instead of 21.5); they never cut a real band.
BMI = number(gt=0, le=150, one_decimal=True)
LOSS_PERCENT = number(ge=0, lt=100, one_decimal=True)  # a gain is 0 %, never negative
CIRCUMFERENCE_CM = number(gt=0, le=100)
AGE = integer(0, 150)
