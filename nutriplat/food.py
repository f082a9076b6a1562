"""Food vocabulary shared by clients, catalogue and meal plans (spec/food.md)."""
from typing import Final

IDDSI_FOOD_LEVELS: Final = ("3", "4", "5", "6", "7", "7EC")
IDDSI_DRINK_LEVELS: Final = ("0", "1", "2", "3", "4")
DEFAULT_FOOD_LEVEL: Final = "7"
DEFAULT_DRINK_LEVEL: Final = "0"

# Regulation (EU) No 1169/2011, Annex II.
ALLERGENS: Final = (
    "gluten", "crustaceans", "eggs", "fish", "peanuts", "soybeans", "milk", "nuts",
    "celery", "mustard", "sesame", "sulphites", "lupin", "molluscs",
)

MEAL_SLOTS: Final = ("breakfast", "lunch", "dinner", "snack")


def food_level_fits(prescribed: str, offered: str) -> bool:
    """A client is served only their prescribed food level; level 7 may also take 7EC."""
    return offered == prescribed or (prescribed == "7" and offered == "7EC")
