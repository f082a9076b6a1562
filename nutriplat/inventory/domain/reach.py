"""How far a home delivery reaches, per storage class (issue 20, item 1).

Chilled food keeps days, not months, and a fridge full of passed dates is waste: a
delivery brings chilled units only for the days up to the next delivery, that delivery's
own day included (its van may come after lunch). Frozen (and ambient) units keep: they
carry the safety buffer past the next delivery, for the van nobody opened the door to,
within the freezer's capacity (``home._fit`` trims them, last needed first)."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from .projection import HomeItem, Product, Schedule

SHORT_LIVED = frozenset({"chilled"})  # storage classes delivered only up to the next van


def within_reach(items: Mapping[Product, HomeItem], consumption: Schedule[Product], end: date) -> Schedule[Product]:
    """The plan a delivery must cover: chilled meals from ``end`` (the day after the next
    delivery day at home) on are the next van's to bring; every other meal stays."""
    short = {p for p, item in items.items() if item.storage in SHORT_LIVED}
    if not short:
        return consumption
    return {day: ({p: n for p, n in planned.items() if p not in short} if day >= end else planned)
            for day, planned in consumption.items()}
