"""Depots, vans, drivers and client delivery windows."""
from __future__ import annotations

from decimal import Decimal

from marshmallow import Schema, fields, validate

from nutriplat.schema_fields import Money, StrictFloat, StrictInteger, text

POSITIVE = validate.Range(min=0, min_inclusive=False, max=100_000)
NOT_NEGATIVE = validate.Range(min=0, max=100_000)


class DepotSchema(Schema):
    warehouse_id = fields.Integer(dump_only=True)
    name = fields.String(dump_only=True)
    lat = StrictFloat(required=True, validate=validate.Range(min=-90, max=90))
    lon = StrictFloat(required=True, validate=validate.Range(min=-180, max=180))
    opens_at = fields.Time(metadata={"description": "Europe/Brussels; default 07:00."})
    closes_at = fields.Time(metadata={"description": "Europe/Brussels; default 19:00."})


class BreakSchema(Schema):
    earliest = fields.Time(required=True, metadata={"description": "The break starts at this time or later."})
    latest = fields.Time(required=True, metadata={"description": "… and at this time at the latest."})
    minutes = StrictInteger(required=True, validate=validate.Range(min=1, max=120))


class WeekdayWindowSchema(Schema):
    weekday = fields.String(required=True, validate=validate.OneOf(("mon", "tue", "wed", "thu", "fri", "sat", "sun")))
    starts_at = fields.Time(required=True)
    ends_at = fields.Time(required=True)


class VanSchema(Schema):
    id = fields.Integer(dump_only=True, metadata={"description": "The vehicle stock location's id."})
    location_id = StrictInteger(load_only=True, metadata={
        "description": "Make an existing vehicle location a van (instead of giving a name)."})
    name = fields.String(validate=validate.Length(min=1, max=120))
    active = fields.Boolean(dump_only=True)
    depot_id = StrictInteger(required=True, metadata={"description": "The home depot (its warehouse id)."})
    driver_id = StrictInteger(allow_none=True, load_default=None)
    capacity_l = StrictFloat(allow_none=True, validate=POSITIVE,
                             metadata={"description": "All cargo space; none: not limited."})
    capacity_kg = StrictFloat(required=True, validate=POSITIVE)
    freezer_l = StrictFloat(required=True, validate=NOT_NEGATIVE)
    chilled_l = StrictFloat(required=True, validate=NOT_NEGATIVE)
    shift_start = fields.Time(required=True)
    shift_end = fields.Time(required=True)
    break_earliest = fields.Time(allow_none=True, load_default=None)
    break_latest = fields.Time(allow_none=True, load_default=None)
    break_minutes = StrictInteger(load_default=0, validate=validate.Range(min=0, max=120))
    more_breaks = fields.List(fields.Nested(BreakSchema), validate=validate.Length(max=4), metadata={
        "description": "Breaks besides break_earliest/break_latest/break_minutes (Europe/Brussels times)."})
    fixed_cost_eur = Money(maximum=Decimal(10_000),
                           metadata={"description": "Cost of using the van for a day (euros)."})


class VanPatchSchema(VanSchema):
    class Meta:
        exclude = ("location_id",)


class RouteDriverSchema(Schema):
    id = fields.Integer(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=120))
    phone = text(40, allow_none=True)
    user_id = StrictInteger(allow_none=True, metadata={"description": "A logistics user who confirms the stops."})
    active = fields.Boolean(dump_only=True)


class DeliveryWindowSchema(Schema):
    client_id = fields.Integer(dump_only=True)
    starts_at = fields.Time(required=True)
    ends_at = fields.Time(required=True)
    service_minutes = StrictInteger(validate=validate.Range(min=1, max=120))
    weekdays = fields.List(fields.Nested(WeekdayWindowSchema), validate=validate.Length(max=7), metadata={
        "description": "Windows of single weekdays, instead of starts_at-ends_at on those days; "
                       "given: replaces them ([] removes them), left out: unchanged."})
    is_default = fields.Boolean(dump_only=True)


class VanQuerySchema(Schema):
    depot_id = fields.Integer()


class DriverPatchSchema(RouteDriverSchema):
    """Any field of a driver (used with partial=True)."""
