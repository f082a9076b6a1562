"""The client's side orders: an extra delivery, a skipped one."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from nutriplat.delivery.schemas.orders import DeliveryLineSchema


class ExtraOrderSchema(Schema):
    delivery_date = fields.Date(required=True)
    lines = fields.List(fields.Nested(DeliveryLineSchema), required=True, validate=validate.Length(min=1, max=100))


class SkipSchema(Schema):
    delivery_date = fields.Date(required=True)


class SkippedSchema(Schema):
    delivery_date = fields.Date()
    cancelled_order_ids = fields.List(fields.Integer())
