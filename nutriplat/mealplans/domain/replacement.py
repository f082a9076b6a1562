"""What takes an item's place when the client may no longer have it (a new texture,
a new allergy): the same dish in a texture that fits, else the dish of the same course
at that meal whose energy is closest, so the day's totals move as little as possible."""
from __future__ import annotations

from collections.abc import Iterable

from nutriplat.mealplans.domain.rules import refusals
from nutriplat.mealplans.domain.values import Profile, Variant


def replacement(item: Variant, profile: Profile, slot: str, catalogue: Iterable[Variant]) -> Variant | None:
    allowed = [v for v in catalogue if v.course == item.course and not refusals(v, profile, slot)]
    energy = item.nutrients.get("energy_kcal", 0.0)
    # Same dish first, then the closest energy; the id keeps the choice stable.
    return min(allowed, default=None, key=lambda v: (
        v.dish_id != item.dish_id, abs(v.nutrients.get("energy_kcal", 0.0) - energy), v.id))
