from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from nutriplat import food
from nutriplat.clients import vocabulary as v
from nutriplat.schema_fields import (
    StrictFloat, StrictInteger, not_in_future_date, not_in_future_datetime, text,
)


class MeasurementSchema(Schema):
    id = fields.Integer(dump_only=True)
    type = fields.String(required=True, validate=validate.OneOf(v.MEASUREMENT_TYPES))
    value = StrictFloat(required=True, allow_nan=False)
    measured_at = fields.AwareDateTime(required=True, validate=not_in_future_datetime)
    measured_by = fields.Integer(dump_only=True)
    note = text(500, allow_none=True)
    recorded_at = fields.AwareDateTime(dump_only=True)

    @validates_schema
    def value_is_plausible(self, data, **kwargs):  # type: ignore[no-untyped-def]
        bounds = v.MEASUREMENT_RANGES.get(data.get("type", ""))
        if bounds and "value" in data and not bounds[0] <= data["value"] <= bounds[1]:
            raise ValidationError(
                f"A {data['type']} must be between {bounds[0]:g} and {bounds[1]:g}.", "value")


class MeasurementQuerySchema(Schema):
    type = fields.String(validate=validate.OneOf(v.MEASUREMENT_TYPES))


class IntakeSchema(Schema):
    id = fields.Integer(dump_only=True)
    date = fields.Date(required=True, validate=not_in_future_date)
    meal_slot = fields.String(required=True, validate=validate.OneOf(food.MEAL_SLOTS))
    percent_eaten = StrictInteger(required=True, validate=validate.Range(min=0, max=100))
    duration_min = StrictInteger(allow_none=True, validate=validate.Range(min=0, max=240))
    fluid_ml = StrictInteger(allow_none=True, validate=validate.Range(min=0, max=5000))
    note = text(500, allow_none=True)
    recorded_by = fields.Integer(dump_only=True)
    recorded_at = fields.AwareDateTime(dump_only=True)


class IntakeQuerySchema(Schema):
    since = fields.Date()
    until = fields.Date()
