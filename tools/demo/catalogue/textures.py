"""Texture variants of a demo dish, as the body of POST /api/v1/dishes.

Minced, pureed and liquidised mains, breakfasts and soups are protein- and energy-
enriched, as dysphagia ranges are: a smaller volume must carry the same nutrition. Milk-
enriched ones therefore contain milk, pea-enriched ones do not."""
from __future__ import annotations

from typing import Any

from nutriplat.catalogue.vocabulary import NUTRIENTS
from tools.demo.catalogue.dishes import DishRow
from tools.demo.catalogue.reheating import reheating_steps

FOOD_NAMES = {"7": "normaal", "7EC": "makkelijk te kauwen", "6": "zacht & hapklaar",
              "5": "fijngemalen & smeuïg", "4": "glad gemixt", "3": "vloeibaar gemixt"}
DRINK_NAMES = {"0": "dun", "1": "zeer licht verdikt", "2": "licht verdikt",
               "3": "matig verdikt", "4": "sterk verdikt"}
# level: (energy, protein, fat, fibre, fluid) factors and the extra price in euros
FOOD_FACTORS = {
    "7": ((1, 1, 1, 1, 1), "0.00"), "7EC": ((1, 1, 1, 1, 1.03), "0.00"),
    "6": ((1.03, 1, 1.03, 0.95, 1.05), "0.30"),
    "5": ((1.12, 1.3, 1.2, 0.8, 1.1), "0.60"),
    "4": ((1.2, 1.45, 1.3, 0.7, 1.15), "0.80"),
    "3": ((1.2, 1.5, 1.3, 0.6, 1.3), "0.80"),
}
ENRICHED = ("5", "4", "3")
VOLUME_L = {"main": 0.45, "soup": 0.3, "dessert": 0.15, "drink": 0.2, "supplement": 0.125}
SEASONING = {"main": ["zoutarm", "extra saus", "zonder ajuin"], "soup": ["zoutarm"],
             "dessert": ["suikerarm"]}


def dish_body(row: DishRow) -> dict[str, Any]:
    body: dict[str, Any] = {"name": row.name, "kind": row.kind, "keywords": list(row.keywords),
                            "variants": [_variant(row, level) for level in row.levels]}
    if row.kind not in ("drink", "supplement"):
        body["course"] = row.course
    return body


def _variant(row: DishRow, level: str) -> dict[str, Any]:
    drink_axis = row.course == "drink" or (row.course == "supplement" and level in DRINK_NAMES
                                           and not _is_cream(row))
    nutrients = dict(zip(NUTRIENTS, row.nutrients, strict=True))
    allergens = set(row.allergens)
    price = _euros(row.price)
    if drink_axis:
        label = DRINK_NAMES[level]
        if level != "0":  # a gum thickener adds a little energy and carbohydrate
            nutrients["energy_kcal"] += 4
            nutrients["carbohydrate_g"] += 1
    elif row.course == "supplement":
        label = FOOD_NAMES[level]
    else:
        label = FOOD_NAMES[level]
        (energy, protein, fat, fibre, fluid), extra = FOOD_FACTORS[level]
        if level in ENRICHED and row.course in ("main", "soup"):
            label += ", eiwitverrijkt"
            if row.enrichment == "milk":
                allergens.add("milk")
        elif level in ENRICHED:
            energy, protein, fat = 1, 1, 1  # smooth desserts are not enriched
        for name, factor in (("energy_kcal", energy), ("protein_g", protein), ("fat_g", fat),
                             ("fibre_g", fibre), ("fluid_ml", fluid)):
            nutrients[name] *= factor
        price += _euros(extra)
    return {
        "name": f"{row.name} ({label}, IDDSI {level})",
        ("drink_level" if drink_axis else "food_level"): level,
        "allergens": sorted(allergens), "slots": list(row.slots),
        "seasoning_options": SEASONING.get(row.course, []),
        "nutrients": {k: round(v, 1) for k, v in nutrients.items()},
        "price_eur": f"{price / 100:.2f}", "storage_class": row.storage,
        "volume_l": VOLUME_L[row.course], "shelf_life_days": _shelf_life(row),
        "regeneration": reheating_steps(row, level),
    }


def _is_cream(row: DishRow) -> bool:
    return "crème" in row.keywords


def _euros(text: str) -> int:
    return round(float(text) * 100)


def _shelf_life(row: DishRow) -> int:
    if row.storage == "frozen":
        return 180
    if row.storage == "chilled":
        return 10 if row.course == "dessert" else 7
    return 365 if row.course in ("drink", "supplement") else 5  # bread and cake
