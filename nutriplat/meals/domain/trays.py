"""What was eaten of a tray, as ward staff say it, and as intake records it."""
from __future__ import annotations

from typing import Final

# The words ward staff choose from, and the share of the tray each means.
EATEN: Final = {"all": 100, "three_quarters": 75, "half": 50, "quarter": 25, "nothing": 0, "refused": 0}
REFUSED_NOTE: Final = "refused"

# The colours of the IDDSI framework's levels, printed on a tray label beside the number.
IDDSI_FOOD_COLOURS: Final = {"3": "#F5D000", "4": "#1E9E4A", "5": "#F28C28", "6": "#1F6FC5",
                             "7": "#000000", "7EC": "#000000"}
IDDSI_DRINK_COLOURS: Final = {"0": "#FFFFFF", "1": "#9E9E9E", "2": "#F48FB1", "3": "#F5D000", "4": "#1E9E4A"}


def percent_of(eaten: str) -> int:
    return EATEN[eaten]


def eaten_of(percent_eaten: int, note: str | None) -> str:
    """The word for an intake record: refused when the tray was refused, otherwise the
    share nearest to the percentage eaten (a caregiver may have written 60 %)."""
    if note == REFUSED_NOTE:
        return "refused"
    shares = [word for word in EATEN if word != "refused"]
    return min(shares, key=lambda word: (abs(EATEN[word] - percent_eaten), -EATEN[word]))
