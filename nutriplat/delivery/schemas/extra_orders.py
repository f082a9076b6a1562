"""The client's side orders: an extra delivery, a skipped one."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from nutriplat.delivery.schemas.orders import DeliveryLineSchema


class ExtraOrderSchema(Schema):
    delivery_date = fields.Date(required=True)
    lines = fields.List(fields.Nested(DeliveryLineSchema), required=True, validate=validate.Length(min=1, max=100))


class SkipSchema(Schema):
    delivery_date = fields.Date(required=True)
    reason = fields.String(validate=validate.Length(max=300), metadata={"description": "Why (optional)."})


class SkippedSchema(Schema):
    id = fields.Integer()
    client_id = fields.Integer()
    delivery_date = fields.Date()
    reason = fields.String(allow_none=True)
    cancelled_order_ids = fields.List(fields.Integer(), metadata={
        "description": "The planned orders the skip cancelled (planned again if it is undone)."})
    skipped_by = fields.Integer(allow_none=True)
    skipped_at = fields.AwareDateTime()


class SkipUndoneSchema(Schema):
    delivery_date = fields.Date()
    restored_order_ids = fields.List(fields.Integer())
