"""Segment membership: a client belongs to a segment on a day when they hold every one
of its attributes on that day."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Held:
    attribute: str
    valid_from: date
    valid_until: date | None  # inclusive


def held_on(attributes: Iterable[Held], day: date) -> set[str]:
    return {a.attribute for a in attributes
            if a.valid_from <= day and (a.valid_until is None or day <= a.valid_until)}


def is_member(segment_attributes: Iterable[str], held: set[str]) -> bool:
    required = set(segment_attributes)
    return bool(required) and required <= held
