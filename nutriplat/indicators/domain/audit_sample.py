"""The measurement audit's arithmetic, pure: a sample that follows from its seed alone,
and the agreement rate that decides whether payment on an indicator is held."""
from __future__ import annotations

import random
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

Item = tuple[str, int]  # (kind of record, its id): ("weight", 812), ("screening", 77)
RATE = Decimal("0.0001")


def draw(population: Sequence[Item], seed: int, size: int) -> list[Item]:
    """``size`` items (all, when fewer), in draw order. The population is sorted first, so
    the same records and seed give the same sample whatever order the database returns."""
    ordered = sorted(population)
    return random.Random(seed).sample(ordered, min(size, len(ordered)))


def agreement_rate(agrees: Sequence[bool]) -> Decimal | None:
    """The share of sampled measurements the second person confirmed; None for no sample."""
    if not agrees:
        return None
    return (Decimal(sum(agrees)) / Decimal(len(agrees))).quantize(RATE, rounding=ROUND_HALF_UP)


def holds_payment(rate: Decimal | None, minimum: Decimal | None) -> bool:
    """Payment on the indicator is held when the agreement sets a minimum it does not reach."""
    return minimum is not None and (rate is None or rate < minimum)
