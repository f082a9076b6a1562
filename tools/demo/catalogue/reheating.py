"""How the demo kitchen tells people to reheat (regenerate) each texture variant at home.

A hot dish with pieces (IDDSI 7, 7EC, 6) goes in the oven or the microwave. A minced,
pureed or liquidised one (5, 4, 3) never in the oven: a dry crust or skin is a choking
risk at these levels, so it is warmed in the microwave or au bain-marie and stirred until
smooth. Frozen meals thaw in the fridge first (the microwave can defrost them). Desserts,
drinks, supplements and bread are served cold: no steps ({}). Steps are in Dutch, as the
kitchen writes them for the Roeselare pilot; every hot dish reaches 75 °C in the centre."""
from __future__ import annotations

from typing import Any

from tools.demo.catalogue.dishes import DishRow

HOT = "Controleer dat het overal gloeiend heet is (75 °C in het midden)."
SMOOTH = "Roer goed door en kijk of het glad is, zonder klontjes, korstje of velletje."
THAW = "Laat de maaltijd de avond voordien ontdooien in de koelkast."
PIECES = ("7", "7EC", "6")


def reheating_steps(row: DishRow, level: str) -> dict[str, Any]:
    """The variant's steps per appliance (``DishVariant.regeneration``)."""
    if row.course not in ("main", "soup") or row.storage not in ("chilled", "frozen"):
        return {}  # served cold
    frozen = row.storage == "frozen"
    minutes = 6 if frozen else 3
    if row.course == "main" and level in PIECES:
        oven = [*([THAW] if frozen else []), "Verwijder de folie en dek de schaal af met aluminiumfolie.",
                f"Verwarm {20 if frozen else 15} minuten in de oven op 160 °C.", HOT]
        microwave = ["Prik enkele gaatjes in de folie.",
                     f"Verwarm {minutes} minuten op 600 W en draai halverwege de schaal.",
                     "Laat 1 minuut rusten.", HOT]
        return {"oven": oven, "microwave": microwave}
    bowl = "in een kom" if row.course == "soup" or level == "3" else "op een bord"
    microwave = [*(["Ontdooi 5 minuten op de ontdooistand."] if frozen else []),
                 f"Doe de maaltijd {bowl} en dek af.",
                 f"Verwarm {minutes} minuten op 600 W en roer om de minuut.", SMOOTH, HOT]
    bain_marie = [*([THAW] if frozen else []),
                  "Zet de gesloten schaal 20 minuten in een pan met zacht kokend water.",
                  f"Open voorzichtig en schep {bowl}.", SMOOTH, HOT]
    return {"microwave": microwave, "bain_marie": bain_marie}
