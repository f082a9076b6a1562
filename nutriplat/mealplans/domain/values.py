"""The planner's plain values: what goes into a weekly plan and what comes out.

Frozen dataclasses, picklable, so the batch planner can hand problems to worker
processes. No database, no Flask."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property


@dataclass(frozen=True)
class Variant:
    """One version of one texture variant of a dish, with per-portion nutrients."""

    id: int
    dish_id: int
    name: str
    kind: str
    course: str
    food_level: str | None
    drink_level: str | None
    allergens: frozenset[str]
    slots: frozenset[str]
    nutrients: Mapping[str, float]
    price_eur: Decimal = Decimal("0")
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Profile:
    """The diet profile: prescription and allergies are hard, the rest is soft."""

    food_level: str = "7"
    drink_level: str = "0"
    allergies: frozenset[str] = frozenset()
    dislikes: tuple[str, ...] = ()
    preferences: tuple[str, ...] = ()
    preparation_mode: str | None = None
    slots: tuple[str, ...] = ("breakfast", "lunch", "snack", "dinner")
    appetite_factor: float = 1.0  # the share of a standard portion the client eats
    weekly_budget_eur: Decimal | None = None
    allow_supplements: bool = True
    max_supplements_per_day: int = 2


@dataclass(frozen=True)
class Targets:
    energy_kcal: float
    protein_g: float
    fluid_ml: float

    @classmethod
    def of(cls, values: Mapping[str, float]) -> Targets:
        return cls(float(values["energy_kcal"]), float(values["protein_g"]), float(values["fluid_ml"]))


@dataclass(frozen=True)
class Meal:
    """One eating moment of the day: the slot and which one of that slot (snacks repeat)."""

    slot: str
    occurrence: int = 1

    def __str__(self) -> str:
        return self.slot if self.occurrence == 1 else f"{self.slot} {self.occurrence}"


def meals_of(slots: tuple[str, ...]) -> tuple[Meal, ...]:
    """The profile's slots, in the order of the day, numbering repeated ones (snacks)."""
    seen: dict[str, int] = {}
    meals = []
    for slot in slots:
        seen[slot] = seen.get(slot, 0) + 1
        meals.append(Meal(slot, seen[slot]))
    return tuple(meals)


@dataclass(frozen=True)
class Item:
    """A variant served at one meal of one day (day = index in the week)."""

    day: int
    meal: Meal
    variant_id: int
    portions: float
    locked: bool = False


@dataclass(frozen=True)
class WeekProblem:
    profile: Profile
    targets: tuple[Targets, ...]  # one per day; the week's length
    catalogue: tuple[Variant, ...]  # what may be chosen: the current catalogue
    locks: tuple[Item, ...] = ()
    # Older versions that locked items keep (a plan keeps the values it was made with).
    kept_versions: tuple[Variant, ...] = ()
    # Dishes eaten on the days before the week, yesterday first: no-repeat looks back.
    recent_dishes: tuple[frozenset[int], ...] = ()

    @cached_property
    def by_id(self) -> dict[int, Variant]:
        return {v.id: v for v in (*self.catalogue, *self.kept_versions)}


@dataclass(frozen=True)
class DayPlan:
    day: int
    items: tuple[Item, ...]
    totals: Mapping[str, float]
    feasible: bool
    explanation: str | None = None


@dataclass(frozen=True)
class WeekPlan:
    days: tuple[DayPlan, ...]
    solver: Mapping[str, object] = field(default_factory=dict)

    @property
    def feasible(self) -> bool:
        return all(day.feasible for day in self.days)
