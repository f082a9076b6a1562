"""Indicator arithmetic on exact decimals: the report and the settlement both derive a
value from the same numerator and denominator, so they can never disagree."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from numbers import Integral

# Aggregated sums of measured values (kg, client-months, scores) keep this many places:
# fixed, so a snapshot recomputes identically on any machine.
PLACES = Decimal("0.0001")


def exact(value: object, scale: str | None = None) -> Decimal:
    """An aggregate as a Decimal: counts stay whole; a ``scale`` (e.g. "0.01" for cents to
    euros) sets the places; other sums keep PLACES."""
    if isinstance(value, Integral):
        number = Decimal(int(value))
    elif isinstance(value, Decimal):
        number = value
    else:
        number = Decimal(repr(float(value)))  # type: ignore[arg-type]
    if scale:
        return (number * Decimal(scale)).quantize(Decimal(scale), ROUND_HALF_UP)
    if number == number.to_integral_value():
        return number.to_integral_value()
    return number.quantize(PLACES, ROUND_HALF_UP)


def indicator_value(numerator: Decimal, denominator: Decimal, multiplier: str,
                    decimals: int) -> Decimal | None:
    """numerator × multiplier / denominator, half-up to ``decimals``; None without a denominator."""
    if denominator == 0:
        return None
    step = Decimal(1).scaleb(-decimals)
    return (numerator * Decimal(multiplier) / denominator).quantize(step, ROUND_HALF_UP)
