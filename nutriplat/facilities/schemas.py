"""Sites, wards, rooms, ward staff and service agreements."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from nutriplat import food
from nutriplat.facilities import vocabulary as v
from nutriplat.schema_fields import Money, StrictFloat, StrictInteger, text


class SiteSchema(Schema):
    id = fields.Integer(dump_only=True)
    facility_id = StrictInteger(required=True, metadata={"description": "The care_facility organisation."})
    name = fields.String(required=True, validate=validate.Length(min=1, max=120))
    street = text(200, allow_none=True)
    postal_code = text(20, allow_none=True)
    city = text(100, allow_none=True)
    country = fields.String(allow_none=True, validate=validate.Length(equal=2))
    lat = StrictFloat(required=True, validate=validate.Range(min=-90, max=90))
    lon = StrictFloat(required=True, validate=validate.Range(min=-180, max=180))


class RoomSchema(Schema):
    id = fields.Integer(dump_only=True)
    number = fields.String(required=True, validate=validate.Length(min=1, max=20))
    beds = StrictInteger(load_default=1, validate=validate.Range(min=1, max=20))


class WardSchema(Schema):
    id = fields.Integer(dump_only=True)
    facility_id = fields.Integer(dump_only=True)
    site_id = StrictInteger(required=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=120))
    setting = fields.String(required=True, validate=validate.OneOf(v.WARD_SETTINGS))
    rooms = fields.List(fields.Nested(RoomSchema), dump_only=True)


class WardQuerySchema(Schema):
    facility_id = fields.Integer()


class WardStaffSchema(Schema):
    id = fields.Integer(dump_only=True)
    ward_id = fields.Integer(dump_only=True)
    user_id = StrictInteger(required=True, metadata={"description": "A ward_staff user of the ward's facility."})
    assigned_at = fields.AwareDateTime(dump_only=True)


class ServiceAgreementSchema(Schema):
    id = fields.Integer(dump_only=True)
    facility_id = StrictInteger(required=True)
    ward_ids = fields.List(StrictInteger(), required=True, validate=validate.Length(min=1, max=200))
    meal_moments = fields.List(fields.String(validate=validate.OneOf(food.MEAL_SLOTS)), required=True,
                               validate=validate.Length(min=1, max=len(food.MEAL_SLOTS)))
    delivery_days = fields.List(StrictInteger(validate=validate.OneOf(v.WEEKDAYS)), required=True,
                                validate=validate.Length(min=1, max=7),
                                metadata={"description": "ISO weekdays: 1 Monday … 7 Sunday."})
    cutoff_days_before = StrictInteger(load_default=1, validate=validate.Range(min=0, max=7))
    cutoff_time = fields.Time(required=True, metadata={
        "description": "Europe/Brussels: the order for day D is final at this time, cutoff_days_before D."})
    window_opens = fields.Time(load_default=v.DEFAULT_RECEIVING[0], metadata={
        "description": "Europe/Brussels: from when the site receives its crates (the route stop's window)."})
    window_closes = fields.Time(load_default=v.DEFAULT_RECEIVING[1], metadata={
        "description": "Until when the site receives."})
    unloading_minutes = StrictInteger(load_default=v.DEFAULT_UNLOADING_MINUTES, validate=validate.Range(
        min=1, max=180), metadata={"description": "The stop's service time: unloading every ward's crates."})
    pricing = fields.String(required=True, validate=validate.OneOf(v.PRICING))
    price_eur = Money(required=True, maximum=Decimal(10_000))
    invoice_to = fields.String(required=True, validate=validate.OneOf(v.INVOICE_TO))
    valid_from = fields.Date(required=True)
    valid_until = fields.Date(allow_none=True, load_default=None)
    created_at = fields.AwareDateTime(dump_only=True)

    @validates_schema
    def _period(self, data: dict[str, Any], **kwargs: Any) -> None:
        if data.get("valid_until") and data.get("valid_from") and data["valid_until"] < data["valid_from"]:
            raise ValidationError("Must not be before valid_from.", "valid_until")

    @validates_schema
    def _window(self, data: dict[str, Any], **kwargs: Any) -> None:
        if data.get("window_opens") and data.get("window_closes") and data["window_closes"] <= data["window_opens"]:
            raise ValidationError("Must be after window_opens.", "window_closes")


class EndAgreementSchema(Schema):
    valid_until = fields.Date(required=True)
