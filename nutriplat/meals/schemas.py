"""Meal service: a client's meals of a day, a ward's trays, what was eaten of a tray."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from nutriplat import food
from nutriplat.meals.domain.trays import EATEN
from nutriplat.schema_fields import StrictInteger, not_in_future_date

SOURCES = ("home_stock", "ward_order", "hospital_kitchen")


class DayQuerySchema(Schema):
    date = fields.Date(required=True, metadata={"description": "The day (YYYY-MM-DD)."})


class TrayQuerySchema(DayQuerySchema):
    meal_moment = fields.String(validate=validate.OneOf(food.MEAL_SLOTS))


class MealSchema(Schema):
    meal_moment = fields.String(metadata={"description": ", ".join(food.MEAL_SLOTS)})
    variant_id = fields.Integer()
    food_level = fields.String(metadata={"description": "IDDSI food level of the dish (the client's for a drink)."})
    drink_level = fields.String(metadata={"description": "IDDSI drink level of the drink (the client's for food)."})
    allergens = fields.List(fields.String())
    source = fields.String(metadata={"description": ", ".join(SOURCES)})
    order_id = fields.Integer(allow_none=True, metadata={"description": "The delivery or ward order that brings it."})


class TrayDishSchema(Schema):
    variant_id = fields.Integer()
    name = fields.String()
    course = fields.String()
    food_level = fields.String()
    drink_level = fields.String()
    allergens = fields.List(fields.String())
    portions = fields.Float()
    source = fields.String()


class TrayIntakeSchema(Schema):
    eaten = fields.String()
    percent_eaten = fields.Integer()


class TraySchema(Schema):
    client_id = fields.Integer()
    name = fields.String()
    room = fields.String(allow_none=True)
    meal_moment = fields.String()
    food_level = fields.String()
    drink_level = fields.String()
    allergies = fields.List(fields.String())
    diet = fields.List(fields.String())
    order_id = fields.Integer(allow_none=True)
    dishes = fields.List(fields.Nested(TrayDishSchema))
    intake = fields.Nested(TrayIntakeSchema, allow_none=True)


class TrayListSchema(Schema):
    ward_id = fields.Integer()
    ward = fields.String()
    date = fields.Date()
    meal_moment = fields.String(allow_none=True)
    trays = fields.List(fields.Nested(TraySchema))


class TrayRecordSchema(Schema):
    client_id = StrictInteger(required=True)
    date = fields.Date(required=True, validate=not_in_future_date)
    meal_moment = fields.String(required=True, validate=validate.OneOf(food.MEAL_SLOTS))
    eaten = fields.String(required=True, validate=validate.OneOf(tuple(EATEN)),
                          metadata={"description": "all, three_quarters, half, quarter, nothing or refused."})
    duration_min = StrictInteger(allow_none=True, validate=validate.Range(min=0, max=240))
    fluid_ml = StrictInteger(allow_none=True, validate=validate.Range(min=0, max=5000))
    percent_eaten = fields.Integer(dump_only=True)
    intake_id = fields.Integer(dump_only=True)
