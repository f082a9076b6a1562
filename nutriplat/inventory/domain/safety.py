"""Whether a client may be delivered a product: texture and allergens, judged against
the client's record as it is when the order is made or picked."""
from __future__ import annotations

from collections.abc import Iterable

from nutriplat.food import food_level_fits


def refusal(texture: str, allergens: Iterable[str], food_level: str, drink_level: str,
            allergies: Iterable[str]) -> str | None:
    """Why the client may not have it, in words; None when they may."""
    axis, _, level = texture.partition(":")
    if axis == "food" and not food_level_fits(food_level, level):
        return f"its texture is IDDSI food level {level}; the client eats level {food_level}"
    if axis == "drink" and level != drink_level:
        return f"its texture is IDDSI drink level {level}; the client drinks level {drink_level}"
    if clash := sorted(set(allergens) & set(allergies)):
        return f"it contains {', '.join(clash)}, to which the client is allergic"
    return None
