"""What the person fields of the client forms (registration, profile) choose from, in
the user's language: one list for both pages."""
from __future__ import annotations

from typing import Any

from nutriplat import food
from nutriplat.clients import vocabulary
from nutriplat.webapp.labels import label

LISTS = ("conditions", "allergies")  # the checkbox groups


def choices() -> dict[str, Any]:
    return {
        "sexes": [(s, label("sex", s)) for s in vocabulary.SEXES],
        "settings": [(s, label("care_setting", s)) for s in vocabulary.CARE_SETTINGS],
        "first_statuses": [(s, label("client_status", s)) for s in ("referred", "active")],
        "conditions": [(c, label("condition", c)) for c in vocabulary.CONDITIONS],
        "food_levels": [(lv, f"{lv} · {label('food_level', lv)}") for lv in food.IDDSI_FOOD_LEVELS],
        "drink_levels": [(lv, f"{lv} · {label('drink_level', lv)}") for lv in food.IDDSI_DRINK_LEVELS],
        "allergens": [(a, label("allergen", a)) for a in food.ALLERGENS],
        "preparation_modes": [(m, label("preparation_mode", m)) for m in vocabulary.PREPARATION_MODES],
    }
