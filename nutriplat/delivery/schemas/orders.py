"""Delivery orders."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from nutriplat.delivery import vocabulary as v
from nutriplat.inventory.schemas.stock import QUANTITY
from nutriplat.schema_fields import StrictInteger, text


class DeliveryLineSchema(Schema):
    id = fields.Integer(dump_only=True)
    variant_id = StrictInteger(required=True)
    quantity = StrictInteger(required=True, validate=QUANTITY)
    lot_id = fields.Integer(dump_only=True, allow_none=True, metadata={"description": "Set once picked."})
    use_by = fields.Date(dump_only=True, allow_none=True, metadata={
        "description": "The last day a unit is planned to be eaten: lots must last until then."})
    client_id = fields.Integer(dump_only=True, allow_none=True, metadata={
        "description": "A ward order's line: the resident whose tray it is (none on a home order)."})
    meal_moment = fields.String(dump_only=True, allow_none=True)
    served_on = fields.Date(dump_only=True, allow_none=True)


class DeliveryOrderSchema(Schema):
    id = fields.Integer(dump_only=True)
    client_id = StrictInteger(required=True, metadata={"description": "The client at home (null on a ward order)."})
    facility_id = fields.Integer(dump_only=True, allow_none=True, metadata={
        "description": "A ward order's care facility (null for home orders)."})
    ward_id = fields.Integer(dump_only=True, allow_none=True, metadata={
        "description": "A ward order's ward (null for home orders)."})
    delivery_date = fields.Date(required=True)
    status = fields.String(dump_only=True, metadata={"description": ", ".join(v.ORDER_STATUSES)})
    origin = fields.String(dump_only=True, metadata={
        "description": "reorder, extra (off-schedule), manual, backorder (units a pick was short of), discharge "
                       "(home from a stay) or redelivery (nobody was home for redelivery_of_id)"})
    redelivery_of_id = fields.Integer(dump_only=True, allow_none=True, metadata={
        "description": "A redelivery's order that found nobody home."})
    warehouse_id = StrictInteger(allow_none=True, metadata={"description": "Default: the client's schedule's."})
    vehicle_id = fields.Integer(dump_only=True, allow_none=True)
    covers_until = fields.Date(dump_only=True, allow_none=True)
    note = text(2000, allow_none=True)
    lines = fields.List(fields.Nested(DeliveryLineSchema), required=True, validate=validate.Length(min=1, max=100))
    created_at = fields.AwareDateTime(dump_only=True)
    picked_at = fields.AwareDateTime(dump_only=True, allow_none=True)
    confirmed_at = fields.AwareDateTime(dump_only=True, allow_none=True)


class DeliveryOrderQuerySchema(Schema):
    date = fields.Date(metadata={"description": "The delivery day (YYYY-MM-DD)."})
    client_id = fields.Integer()
    status = fields.String(validate=validate.OneOf(v.ORDER_STATUSES))


class PickSchema(Schema):
    vehicle_id = StrictInteger(required=True)


class CancelSchema(Schema):
    reason = text(500, allow_none=True)
