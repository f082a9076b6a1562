"""What a client may be served (hard) and what they would rather have (soft).

``refusals`` is the one gate: the optimiser filters the catalogue with it and the API
refuses a dietitian's lock or swap with the same reasons, so the two cannot drift."""
from __future__ import annotations

from nutriplat.catalogue.vocabulary import DEFAULT_PREPARATION, KINDS_FOR_PREPARATION, texture_label
from nutriplat.food import food_level_fits
from nutriplat.mealplans.domain.values import Profile, Variant

# Courses of each meal as (fewest, most) items; "snack" is one small dish.
STRUCTURE = {
    "breakfast": {"main": (1, 1), "dessert": (0, 1)},
    "lunch": {"soup": (0, 1), "main": (1, 1), "dessert": (0, 1)},
    "dinner": {"soup": (0, 1), "main": (1, 1), "dessert": (0, 1)},
    "snack": {"dessert": (1, 1)},
}
DRINKS_PER_MEAL = 2  # different drinks at one meal
SERVINGS_PER_MEAL = 3  # glasses or cups of drink at one meal
SUPPLEMENTS_PER_MEAL = 1
ALWAYS_ALLOWED_KINDS = ("drink", "supplement")


def allowed_kinds(preparation_mode: str | None) -> tuple[str, ...]:
    return (*KINDS_FOR_PREPARATION[preparation_mode or DEFAULT_PREPARATION], *ALWAYS_ALLOWED_KINDS)


def refusals(variant: Variant, profile: Profile, slot: str | None = None) -> list[str]:
    """Why the client may not have this variant (at this slot); empty when they may."""
    reasons = []
    if variant.drink_level is not None:
        if variant.drink_level != profile.drink_level:
            reasons.append(f"Its texture is {texture_label(None, variant.drink_level)}; the client "
                           f"drinks {texture_label(None, profile.drink_level)} only.")
    elif variant.food_level is None or not food_level_fits(profile.food_level, variant.food_level):
        reasons.append(f"Its texture is {texture_label(variant.food_level or '7', None)}; the client "
                       f"eats {texture_label(profile.food_level, None)} only.")
    if clash := sorted(variant.allergens & profile.allergies):
        reasons.append(f"It contains {', '.join(clash)}, to which the client is allergic.")
    if variant.kind not in allowed_kinds(profile.preparation_mode):
        mode = profile.preparation_mode or DEFAULT_PREPARATION
        reasons.append(f"A {variant.kind.replace('_', ' ')} does not suit the preparation mode "
                       f"'{mode.replace('_', ' ')}'.")
    if variant.kind == "supplement" and not profile.allow_supplements:
        reasons.append("The diet profile allows no oral nutritional supplements.")
    if slot is not None and slot not in variant.slots:
        reasons.append(f"It is not offered at {slot}.")
    return reasons


def standard_portions(variant: Variant, profile: Profile) -> float:
    """The client's appetite scales dishes; drinks and supplements come in whole servings."""
    return 1.0 if variant.course in ("drink", "supplement") else profile.appetite_factor


def matches(variant: Variant, words: tuple[str, ...]) -> bool:
    """A dislike or preference ('vis', 'stoofvlees') names the dish or one of its keywords."""
    text = " ".join((variant.name, *variant.keywords)).lower()
    return any(word.strip().lower() in text for word in words if word.strip())


def varies(variant: Variant) -> bool:
    """Whether the no-repeat rule applies: to dishes, not to water or a prescribed supplement."""
    return variant.course not in ("drink", "supplement")
