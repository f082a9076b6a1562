"""Unit tests of the pure meal planner (nutriplat/mealplans/domain): no app, no database.

``variant`` builds a catalogue entry with only what a test cares about."""
import importlib.util
import sys
from decimal import Decimal
from pathlib import Path

import pytest

if importlib.util.find_spec("nutriplat") is None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from nutriplat.catalogue.vocabulary import COURSE_OF_KIND, NUTRIENTS
from nutriplat.food import MEAL_SLOTS
from nutriplat.mealplans.domain import Variant


def make_variant(variant_id, course="main", *, dish=None, food="7", drink=None, kind=None, allergens=(),
                 slots=MEAL_SLOTS, energy=0.0, protein=0.0, fluid=0.0, price="1.00", name=None,
                 keywords=()):
    kind = kind or {"drink": "drink", "supplement": "supplement"}.get(course, "ready_meal")
    if kind in COURSE_OF_KIND:
        course = COURSE_OF_KIND[kind]
    if drink is not None:
        food = None
    nutrients = dict.fromkeys(NUTRIENTS, 0.0) | {"energy_kcal": energy, "protein_g": protein,
                                                 "fluid_ml": fluid}
    return Variant(id=variant_id, dish_id=dish or variant_id, name=name or f"{course} {variant_id}", kind=kind,
                   course=course, food_level=food, drink_level=drink, allergens=frozenset(allergens),
                   slots=frozenset(slots), nutrients=nutrients, price_eur=Decimal(price),
                   keywords=tuple(keywords))


@pytest.fixture(scope="session")
def variant():
    return make_variant
