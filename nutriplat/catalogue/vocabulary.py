"""The catalogue's vocabulary: dish kinds and courses, nutrients, storage, texture labels.
Plain constants, shared by the catalogue API, the planner and the demo."""
from __future__ import annotations

from typing import Final

KINDS: Final = ("component", "ready_meal", "recipe", "drink", "supplement")
FOOD_KINDS: Final = ("component", "ready_meal", "recipe")

# The place of a dish in a meal; drinks and supplements are their own course.
FOOD_COURSES: Final = ("main", "soup", "dessert")
COURSES: Final = (*FOOD_COURSES, "drink", "supplement")
COURSE_OF_KIND: Final = {"drink": "drink", "supplement": "supplement"}

NUTRIENTS: Final = ("energy_kcal", "protein_g", "fat_g", "carbohydrate_g", "fibre_g",
                    "fluid_ml", "sodium_mg")
# Per portion; above these a value is a typing error, not a dish (bounds inclusive).
NUTRIENT_MAXIMA: Final = {"energy_kcal": 3000, "protein_g": 200, "fat_g": 300,
                          "carbohydrate_g": 500, "fibre_g": 100, "fluid_ml": 2000,
                          "sodium_mg": 10000}

STORAGE_CLASSES: Final = ("frozen", "chilled", "ambient")
# How a variant is brought back to temperature (regenerated): at home or on a ward.
REHEATING_APPLIANCES: Final = ("oven", "microwave", "bain_marie", "regeneration_trolley")

# How a client who prepares meals this way can be served; drinks and supplements always.
KINDS_FOR_PREPARATION: Final = {
    "ready_meals": ("ready_meal",),
    "components": ("ready_meal", "component"),
    "cookbook": ("ready_meal", "component", "recipe"),
}
DEFAULT_PREPARATION: Final = "ready_meals"  # nothing to cook: safe when the mode is unknown

FOOD_LEVEL_LABELS: Final = {"3": "liquidised", "4": "pureed", "5": "minced & moist",
                            "6": "soft & bite-sized", "7": "regular", "7EC": "easy to chew"}
DRINK_LEVEL_LABELS: Final = {"0": "thin", "1": "slightly thick", "2": "mildly thick",
                             "3": "moderately thick", "4": "extremely thick"}


def texture_label(food_level: str | None, drink_level: str | None) -> str:
    """'pureed (IDDSI 4)' or 'mildly thick (IDDSI 2)'."""
    if food_level is not None:
        return f"{FOOD_LEVEL_LABELS[food_level]} (IDDSI {food_level})"
    return f"{DRINK_LEVEL_LABELS[drink_level or '0']} (IDDSI {drink_level})"
