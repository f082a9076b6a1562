"""The API shape of meal plans: weeks, days, items, approval and history."""
from __future__ import annotations

from datetime import date, timedelta

from marshmallow import Schema, ValidationError, fields, validate

from nutriplat import food
from nutriplat.catalogue.schemas.dishes import PRICE_MAX
from nutriplat.clock import business_today
from nutriplat.mealplans.domain import TARGETED
from nutriplat.mealplans.schemas.profiles import quarter_steps
from nutriplat.schema_fields import Money, StrictFloat, StrictInteger, text


def a_monday(value: date) -> None:
    if value.weekday() != 0:
        raise ValidationError(f"Must be a Monday; {value.isoformat()} is a {value.strftime('%A')}.")
    if abs(value - business_today()) > timedelta(days=366):
        raise ValidationError("Must be within a year of today.")


class NewPlanSchema(Schema):
    week_start = fields.Date(required=True, validate=a_monday,
                             metadata={"description": "The Monday the week starts."})


class PlanQuerySchema(Schema):
    week_start = fields.Date()
    status = fields.String(validate=validate.OneOf(("draft", "approved", "superseded")))


Targeted = Schema.from_dict({key: fields.Float() for key in TARGETED}, name="TargetedAmountsSchema")


class ItemSchema(Schema):
    id = fields.Integer(dump_only=True)
    slot = fields.String(required=True, validate=validate.OneOf(food.MEAL_SLOTS))
    occurrence = StrictInteger(load_default=1, validate=validate.Range(min=1, max=3),
                               metadata={"description": "Which snack of the day (1, 2, 3)."})
    variant_id = StrictInteger(required=True)
    portions = StrictFloat(allow_nan=False, validate=[validate.Range(min=0.25, max=4), quarter_steps],
                           metadata={"description": "Defaults to the client's standard portion."})
    locked = fields.Boolean(dump_only=True)
    name = fields.String(dump_only=True)
    dish_id = fields.Integer(dump_only=True)
    course = fields.String(dump_only=True)
    nutrients = fields.Dict(keys=fields.String(), values=fields.Float(), dump_only=True)
    cost_eur = Money(maximum=PRICE_MAX, dump_only=True)


class NewItemSchema(ItemSchema):
    date = fields.Date(required=True)


class ItemChangeSchema(Schema):
    variant_id = StrictInteger(metadata={"description": "Swap to this variant (locks the item)."})
    portions = StrictFloat(allow_nan=False, validate=[validate.Range(min=0.25, max=4), quarter_steps])
    locked = fields.Boolean(metadata={"description": "Keep this item when re-optimising."})


class DaySchema(Schema):
    id = fields.Integer()
    date = fields.Date()
    feasible = fields.Boolean()
    explanation = fields.String(allow_none=True)
    items = fields.List(fields.Nested(ItemSchema))
    totals = fields.Dict(keys=fields.String(), values=fields.Float())
    targets = fields.Nested(Targeted)
    percent_of_target = fields.Nested(Targeted)
    cost_eur = Money(maximum=PRICE_MAX)


class WeekSchema(Schema):
    totals = fields.Dict(keys=fields.String(), values=fields.Float())
    targets = fields.Nested(Targeted)
    percent_of_target = fields.Nested(Targeted)
    feasible_days = fields.Integer()
    cost_eur = Money(maximum=PRICE_MAX)
    budget_eur = Money(maximum=PRICE_MAX, allow_none=True)


class PlanSchema(Schema):
    id = fields.Integer()
    client_id = fields.Integer()
    week_start = fields.Date()
    revision = fields.Integer()
    status = fields.String()
    feasible = fields.Boolean()
    days = fields.List(fields.Nested(DaySchema))
    week = fields.Nested(WeekSchema)
    profile = fields.Dict()
    solver = fields.Dict(allow_none=True)
    revises_id = fields.Integer(allow_none=True)
    superseded_by_id = fields.Integer(allow_none=True)
    created_by = fields.Integer(allow_none=True)
    created_at = fields.AwareDateTime()
    approved_by = fields.Integer(allow_none=True)
    approved_at = fields.AwareDateTime(allow_none=True)
    superseded_at = fields.AwareDateTime(allow_none=True)


class PlanSummarySchema(PlanSchema):
    class Meta:
        exclude = ("days", "profile", "solver")


class ApproveSchema(Schema):
    note = text(500, allow_none=True)


class EventSchema(Schema):
    plan_id = fields.Integer()
    revision = fields.Integer()
    action = fields.String()
    detail = fields.Dict(allow_none=True)
    username = fields.String()
    at = fields.AwareDateTime()
