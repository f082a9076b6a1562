"""How a meal is shown to the person who eats it and recorded from one tap."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from nutriplat.catalogue.vocabulary import REHEATING_APPLIANCES

# IDDSI's own colours per level (food 3-7, drinks 0-4), and black text or white on them.
FOOD_COLOURS: Final = {"3": "#f3cf45", "4": "#4fae48", "5": "#ee7d31", "6": "#1f5fa8", "7": "#222222",
                       "7EC": "#222222"}
DRINK_COLOURS: Final = {"0": "#ffffff", "1": "#7f7f7f", "2": "#e06bb0", "3": "#f3cf45", "4": "#4fae48"}

# One tap per meal: how much of the plate was eaten.
PLATE: Final = (("all", 100), ("three_quarters", 75), ("half", 50), ("quarter", 25), ("nothing", 0))
GLASS_ML: Final = 150  # a glass, as the dietitian counts drinks

# The general reheating steps when the kitchen wrote none for a variant, per storage class.
APPLIANCES: Final = REHEATING_APPLIANCES
GENERAL_STEPS: Final[dict[str, dict[str, list[str]]]] = {
    "frozen": {
        "oven": ["Thaw overnight in the fridge.", "Remove the film; cover with foil.",
                 "Heat 25 minutes at 160 °C until piping hot (75 °C in the centre)."],
        "microwave": ["Pierce the film.", "Heat 6 minutes at 600 W, stir halfway.",
                      "Let stand 1 minute; check it is hot throughout."],
        "regeneration_trolley": ["Load frozen; run the frozen programme (about 60 minutes)."],
    },
    "chilled": {
        "oven": ["Remove the film; cover with foil.", "Heat 15 minutes at 160 °C until piping hot."],
        "microwave": ["Pierce the film.", "Heat 3 minutes at 600 W, stir halfway.",
                      "Let stand 1 minute; check it is hot throughout."],
        "regeneration_trolley": ["Load chilled; run the chilled programme (about 40 minutes)."],
    },
    "ambient": {},
}


def texture(food_level: str | None, drink_level: str | None) -> dict[str, Any]:
    """The level as IDDSI names it, with its colour (words say it, colour repeats it)."""
    axis, level = ("food", food_level) if food_level is not None else ("drink", drink_level or "0")
    colour = (FOOD_COLOURS if axis == "food" else DRINK_COLOURS).get(level, "#ffffff")
    return {"axis": axis, "level": level, "colour": colour, "text_colour": ink_on(colour)}


def ink_on(colour: str) -> str:
    """Black or white, whichever contrasts more with ``colour`` (WCAG relative luminance)."""
    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(colour[i:i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#000000" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#ffffff"


def reheating(storage_class: str, own: Mapping[str, list[str]] | None) -> dict[str, list[str]]:
    """The variant's own steps per appliance ({}: served cold, nothing to reheat), else
    (None: the kitchen wrote none) the storage class's general ones."""
    if own is not None:
        return {k: list(own[k]) for k in APPLIANCES if own.get(k)}
    return {k: list(v) for k, v in GENERAL_STEPS.get(storage_class, {}).items()}


def percent_of(portion: str) -> int:
    """The percentage eaten for one tap (``all`` … ``nothing``)."""
    return dict(PLATE)[portion]
