"""The API shape of dishes and dish variants (single source for validation and OpenAPI)."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from nutriplat import food
from nutriplat.catalogue import vocabulary as v
from nutriplat.catalogue.schemas.changes import CatalogueChangeSchema
from nutriplat.schema_fields import Money, StrictFloat, StrictInteger, free_text_list, one_of_list, text

# A dish or a week's budget above this is a typo, not a price.
PRICE_MAX = Decimal(100_000)


def distinct(values: list[str]) -> None:
    if len(set(values)) != len(values):
        raise ValidationError("Must not contain duplicates.")


def _nutrient(name: str) -> StrictFloat:
    return StrictFloat(required=True, allow_nan=False,
                       validate=validate.Range(min=0, max=v.NUTRIENT_MAXIMA[name]))


NutrientsSchema = Schema.from_dict({name: _nutrient(name) for name in v.NUTRIENTS},
                                   name="NutrientsSchema")


class VariantSchema(Schema):
    id = fields.Integer(dump_only=True)
    dish_id = fields.Integer(dump_only=True)
    kind = fields.String(dump_only=True)
    course = fields.String(dump_only=True)
    name = fields.String(validate=validate.Length(min=1, max=200), metadata={
        "description": "Defaults to the dish name and the texture."})
    food_level = fields.String(allow_none=True, validate=validate.OneOf(food.IDDSI_FOOD_LEVELS),
                               metadata={"description": "IDDSI food level, as the client's iddsi_food_level."})
    drink_level = fields.String(allow_none=True, validate=validate.OneOf(food.IDDSI_DRINK_LEVELS),
                                metadata={"description": "IDDSI drink level, for drinks."})
    allergens = one_of_list(food.ALLERGENS)
    slots = fields.List(fields.String(validate=validate.OneOf(food.MEAL_SLOTS)), required=True,
                        validate=[validate.Length(min=1, max=4), distinct])
    seasoning_options = free_text_list(max_items=10, max_length=60)
    nutrients = fields.Nested(NutrientsSchema, required=True, metadata={"description": "Per portion."})
    price_eur = Money(required=True, maximum=PRICE_MAX)
    storage_class = fields.String(required=True, validate=validate.OneOf(v.STORAGE_CLASSES))
    volume_l = StrictFloat(required=True, allow_nan=False, validate=validate.Range(
        min=0, min_inclusive=False, max=5), metadata={"description": "Volume of one portion in litres."})
    shelf_life_days = StrictInteger(required=True, validate=validate.Range(min=1, max=1095))
    regeneration = fields.Dict(
        keys=fields.String(validate=validate.OneOf(v.REHEATING_APPLIANCES)),
        values=fields.List(fields.String(validate=validate.Length(min=1, max=300)), validate=validate.Length(
            min=1, max=10)), allow_none=True, validate=validate.Length(max=len(v.REHEATING_APPLIANCES)),
        metadata={"description": "Reheating steps per appliance (oven, microwave, bain_marie, "
                                 "regeneration_trolley); {} when it is served cold; none: the general steps."})
    version = fields.Integer(dump_only=True)
    current = fields.Boolean(dump_only=True, attribute="is_current")
    replaced_by_id = fields.Integer(dump_only=True, allow_none=True)
    created_at = fields.AwareDateTime(dump_only=True)
    retired_at = fields.AwareDateTime(dump_only=True, allow_none=True)

    @validates_schema
    def one_texture(self, data: dict[str, Any], partial: bool = False, **kwargs: Any) -> None:
        if partial:
            return
        if (data.get("food_level") is None) == (data.get("drink_level") is None):
            raise ValidationError("Give exactly one of food_level (foods) and drink_level (drinks).",
                                  "food_level")


def _fixed(_value: object) -> None:
    raise ValidationError("A texture is its own variant; add a variant to the dish instead.")


class VariantChangeSchema(VariantSchema):
    """PATCH: any subset; the texture cannot change. Writes a new version."""

    food_level = fields.String(validate=_fixed)
    drink_level = fields.String(validate=_fixed)


class DishSchema(Schema):
    id = fields.Integer(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=120))
    kind = fields.String(required=True, validate=validate.OneOf(v.KINDS))
    course = fields.String(validate=validate.OneOf(v.COURSES), metadata={
        "description": "main, soup or dessert for foods; drinks and supplements are their own."})
    description = text(2000, allow_none=True)
    keywords = free_text_list(max_items=20, max_length=60)
    variants = fields.List(fields.Nested(VariantSchema), validate=validate.Length(max=12),
                           metadata={"description": "Current variants; more via POST .../variants."})
    created_at = fields.AwareDateTime(dump_only=True)
    updated_at = fields.AwareDateTime(dump_only=True)
    withdrawn_at = fields.AwareDateTime(dump_only=True, allow_none=True)


class DishDumpSchema(DishSchema):
    variants = fields.List(fields.Nested(VariantSchema), attribute="current_variants", dump_only=True)
    owner_organisation_id = fields.Integer(dump_only=True, allow_none=True, metadata={
        "description": "The organisation whose admins change this dish; none: the platform's catalogue."})
    pending_changes = fields.List(fields.Nested(CatalogueChangeSchema), dump_only=True, metadata={
        "description": "Allergen and texture changes waiting for a second admin's approval."})


class DishChangeSchema(Schema):
    name = fields.String(validate=validate.Length(min=1, max=120))
    description = text(2000, allow_none=True)
    keywords = free_text_list(max_items=20, max_length=60)


class DishQuerySchema(Schema):
    search = fields.String(validate=validate.Length(min=1, max=100))
    kind = fields.String(validate=validate.OneOf(v.KINDS))
    course = fields.String(validate=validate.OneOf(v.COURSES))
    food_level = fields.String(validate=validate.OneOf(food.IDDSI_FOOD_LEVELS))
    drink_level = fields.String(validate=validate.OneOf(food.IDDSI_DRINK_LEVELS))
    slot = fields.String(validate=validate.OneOf(food.MEAL_SLOTS))
    free_of = fields.List(fields.String(validate=validate.OneOf(food.ALLERGENS)), metadata={
        "description": "Only dishes with a current variant free of these allergens."})
    include_withdrawn = fields.Boolean(load_default=False)
