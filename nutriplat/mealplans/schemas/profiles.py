"""The API shape of a client's diet profile (the planning part of it)."""
from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate

from nutriplat import food
from nutriplat.catalogue.schemas.dishes import PRICE_MAX
from nutriplat.mealplans.profiles import DEFAULT_SLOTS
from nutriplat.schema_fields import Money, StrictFloat, StrictInteger

MAIN_MEALS = ("breakfast", "lunch", "dinner")


def day_of_meals(slots: list[str]) -> None:
    """Breakfast, lunch and dinner at most once and in that order; up to three snacks
    wherever they fall."""
    mains = [s for s in slots if s != "snack"]
    if len(set(mains)) != len(mains):
        raise ValidationError("Breakfast, lunch and dinner come at most once a day.")
    if mains != sorted(mains, key=MAIN_MEALS.index):
        raise ValidationError("List the meals in the order of the day.")
    if slots.count("snack") > 3:
        raise ValidationError("At most three snacks a day.")


def quarter_steps(value: float) -> None:
    if (value * 4) % 1:
        raise ValidationError("Use steps of 0.25.")


class DietProfileSchema(Schema):
    """PUT replaces the planning part of the profile; absent fields take their default.
    Levels, allergies, dislikes and preparation mode come from the client record."""

    client_id = fields.Integer(dump_only=True)
    food_level = fields.String(dump_only=True)
    drink_level = fields.String(dump_only=True)
    allergies = fields.List(fields.String(), dump_only=True)
    dislikes = fields.List(fields.String(), dump_only=True)
    preparation_mode = fields.String(dump_only=True, allow_none=True)
    preferences = fields.List(fields.String(validate=validate.Length(min=1, max=60)),
                              load_default=list, validate=validate.Length(max=20),
                              metadata={"description": "Dishes or words the client likes."})
    slots = fields.List(fields.String(validate=validate.OneOf(food.MEAL_SLOTS)),
                        load_default=lambda: list(DEFAULT_SLOTS),
                        validate=[validate.Length(min=1, max=6), day_of_meals])
    appetite_factor = StrictFloat(load_default=1.0, allow_nan=False,
                                  validate=[validate.Range(min=0.5, max=1.5), quarter_steps],
                                  metadata={"description": "Share of a standard portion the client eats."})
    weekly_budget_eur = Money(maximum=PRICE_MAX, load_default=None, allow_none=True)
    allow_supplements = fields.Boolean(load_default=True)
    max_supplements_per_day = StrictInteger(load_default=2, validate=validate.Range(min=0, max=3))
    targets = fields.Dict(keys=fields.String(), values=fields.Float(), dump_only=True, allow_none=True)
    targets_unavailable = fields.String(dump_only=True, allow_none=True)
    targets_on = fields.Date(dump_only=True)
