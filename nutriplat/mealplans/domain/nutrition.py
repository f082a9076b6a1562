"""Nutrient arithmetic in one place, in integer tenths, so the optimiser's model and the
check of a finished day can never disagree about a rounding.

Hard targets of a day: energy 100-120 % of target, protein and fluid at least 100 %."""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from nutriplat.catalogue.vocabulary import NUTRIENTS
from nutriplat.mealplans.domain.values import Item, Targets, Variant

SCALE = 10  # tenths of a kcal, gram or millilitre
ENERGY_CEILING = Decimal("1.2")
TARGETED = ("energy_kcal", "protein_g", "fluid_ml")
UNITS = {"energy_kcal": "kcal", "protein_g": "g", "fluid_ml": "ml"}


def units(variant: Variant, nutrient: str, portions: float) -> int:
    """What ``portions`` of the variant contribute, in tenths."""
    return round(variant.nutrients.get(nutrient, 0.0) * portions * SCALE)


def cost_cents(variant: Variant, portions: float) -> int:
    return int((variant.price_eur * Decimal(str(portions)) * 100).to_integral_value(ROUND_HALF_UP))


@dataclass(frozen=True)
class Bounds:
    """A day's hard limits in tenths."""

    energy_min: int
    energy_max: int
    protein_min: int
    fluid_min: int

    @classmethod
    def of(cls, targets: Targets) -> Bounds:
        energy = Decimal(str(targets.energy_kcal)) * SCALE
        return cls(energy_min=math.ceil(energy),
                   energy_max=math.floor(energy * ENERGY_CEILING),
                   protein_min=math.ceil(Decimal(str(targets.protein_g)) * SCALE),
                   fluid_min=math.ceil(Decimal(str(targets.fluid_ml)) * SCALE))


def day_units(items: Iterable[Item], by_id: Mapping[int, Variant]) -> dict[str, int]:
    totals = dict.fromkeys(NUTRIENTS, 0)
    for item in items:
        variant = by_id[item.variant_id]
        for nutrient in NUTRIENTS:
            totals[nutrient] += units(variant, nutrient, item.portions)
    return totals


def as_amounts(totals_units: Mapping[str, int]) -> dict[str, float]:
    return {name: value / SCALE for name, value in totals_units.items()}


@dataclass(frozen=True)
class Shortfalls:
    """How far a day is from each hard target, in tenths (0 = met)."""

    energy_low: int
    energy_high: int
    protein_low: int
    fluid_low: int

    @property
    def any(self) -> bool:
        return any((self.energy_low, self.energy_high, self.protein_low, self.fluid_low))


def shortfalls(totals_units: Mapping[str, int], bounds: Bounds) -> Shortfalls:
    return Shortfalls(
        energy_low=max(0, bounds.energy_min - totals_units["energy_kcal"]),
        energy_high=max(0, totals_units["energy_kcal"] - bounds.energy_max),
        protein_low=max(0, bounds.protein_min - totals_units["protein_g"]),
        fluid_low=max(0, bounds.fluid_min - totals_units["fluid_ml"]),
    )
