"""Locations and delivery schedules."""
from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from nutriplat.catalogue.vocabulary import STORAGE_CLASSES
from nutriplat.inventory import vocabulary as v
from nutriplat.inventory.domain.schedule import WEEKDAYS
from nutriplat.schema_fields import StrictFloat, StrictInteger


class StockLocationSchema(Schema):
    id = fields.Integer(dump_only=True)
    kind = fields.String(required=True, validate=validate.OneOf(v.LOCATION_KINDS))
    name = fields.String(required=True, validate=validate.Length(min=1, max=120))
    client_id = StrictInteger(allow_none=True, metadata={"description": "The client of a home location."})
    appliance_type = fields.String(allow_none=True, validate=validate.OneOf(v.APPLIANCE_TYPES))
    capacity_l = StrictFloat(allow_none=True, allow_nan=False, validate=validate.Range(min=0, min_inclusive=False, max=2000),
                             metadata={"description": "Litres; empty for no limit."})
    storage_class = fields.String(allow_none=True, validate=validate.OneOf(STORAGE_CLASSES),
                                  metadata={"description": "What it holds; empty: every class."})
    active = fields.Boolean()
    created_at = fields.AwareDateTime(dump_only=True)

    @validates_schema
    def _home_needs_a_client(self, data, **_kwargs):  # type: ignore[no-untyped-def]
        if data.get("kind") == "home":
            missing = {f: ["A home location needs this."] for f in ("client_id", "appliance_type", "storage_class")
                       if data.get(f) is None}
            if missing:
                raise ValidationError(missing)
        elif data.get("kind") is not None and data.get("client_id") is not None:
            raise ValidationError({"client_id": ["Only a home location belongs to a client."]})


class StockLocationUpdateSchema(Schema):
    name = fields.String(validate=validate.Length(min=1, max=120))
    appliance_type = fields.String(validate=validate.OneOf(v.APPLIANCE_TYPES))
    capacity_l = StrictFloat(allow_none=True, allow_nan=False, validate=validate.Range(min=0, min_inclusive=False, max=2000))
    active = fields.Boolean()


class StockLocationQuerySchema(Schema):
    kind = fields.String(validate=validate.OneOf(v.LOCATION_KINDS))
    client_id = fields.Integer()


class DeliveryScheduleSchema(Schema):
    client_id = fields.Integer(dump_only=True)
    weekdays = fields.List(fields.String(validate=validate.OneOf(WEEKDAYS)), required=True,
                           validate=validate.Length(min=1, max=7),
                           metadata={"description": "Delivery days: mon … sun."})
    lead_time_days = StrictInteger(load_default=1, validate=validate.Range(min=0, max=14),
                                   metadata={"description": "Days between the order cut-off and the delivery."})
    cutoff_time = fields.Time(load_default=None, format="%H:%M",
                              metadata={"description": "Order cut-off, Europe/Brussels (HH:MM); default 14:00."})
    warehouse_id = StrictInteger(required=True)
    next_deliveries = fields.List(fields.Date(), dump_only=True)
    updated_at = fields.AwareDateTime(dump_only=True)

    @validates_schema
    def _distinct(self, data, **_kwargs):  # type: ignore[no-untyped-def]
        days = data.get("weekdays") or []
        if len(set(days)) != len(days):
            raise ValidationError({"weekdays": ["Must not contain duplicates."]})
