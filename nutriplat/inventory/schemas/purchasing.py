"""Reorder rules and purchase orders."""
from __future__ import annotations

from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from nutriplat.inventory import vocabulary as v
from nutriplat.inventory.schemas.stock import QUANTITY
from nutriplat.schema_fields import StrictInteger, text

COUNT = validate.Range(min=0, max=1_000_000)


class ReorderRuleSchema(Schema):
    id = fields.Integer(dump_only=True)
    warehouse_id = StrictInteger(required=True)
    variant_id = StrictInteger(required=True, load_only=True, metadata={"description": "Any version of the product."})
    dish_id = fields.Integer(dump_only=True)
    texture = fields.String(dump_only=True)
    minimum = StrictInteger(required=True, validate=COUNT)
    maximum = StrictInteger(required=True, validate=COUNT)
    pack_multiple = StrictInteger(load_default=1, validate=validate.Range(min=1, max=10_000))
    home_pack_size = StrictInteger(load_default=1, validate=validate.Range(min=1, max=100))
    supplier_id = StrictInteger(required=True)
    lead_time_days = StrictInteger(load_default=2, validate=validate.Range(min=0, max=90))
    active = fields.Boolean(load_default=True)

    @validates_schema
    def _min_max(self, data: dict[str, Any], **_kwargs: Any) -> None:
        if data.get("minimum") is not None and data.get("maximum") is not None and data["minimum"] > data["maximum"]:
            raise ValidationError({"maximum": ["Must be at least the minimum."]})


class ReorderRuleUpdateSchema(Schema):
    minimum = StrictInteger(validate=COUNT)
    maximum = StrictInteger(validate=COUNT)
    pack_multiple = StrictInteger(validate=validate.Range(min=1, max=10_000))
    home_pack_size = StrictInteger(validate=validate.Range(min=1, max=100))
    supplier_id = StrictInteger()
    lead_time_days = StrictInteger(validate=validate.Range(min=0, max=90))
    active = fields.Boolean()


class RuleQuerySchema(Schema):
    warehouse_id = fields.Integer()


class PurchaseLineSchema(Schema):
    id = fields.Integer(dump_only=True)
    variant_id = StrictInteger(required=True)
    quantity = StrictInteger(required=True, validate=QUANTITY, load_only=True)
    quantity_ordered = fields.Integer(dump_only=True)
    quantity_received = fields.Integer(dump_only=True)
    edited_by_hand = fields.Boolean(dump_only=True, metadata={
        "description": "A buyer set the quantity: the nightly reorder keeps it."})
    suggested_quantity = fields.Integer(dump_only=True, allow_none=True, metadata={
        "description": "The nightly reorder's need beside a quantity set by hand, when the two differ."})
    suggested_on = fields.Date(dump_only=True, allow_none=True, metadata={
        "description": "The night that suggested suggested_quantity."})


class PurchaseOrderSchema(Schema):
    id = fields.Integer(dump_only=True)
    supplier_id = StrictInteger(required=True)
    warehouse_id = StrictInteger(required=True)
    status = fields.String(dump_only=True, metadata={"description": ", ".join(v.PO_STATUSES)})
    origin = fields.String(dump_only=True)
    ordered_on = fields.Date(dump_only=True)
    expected_on = fields.Date(required=True)
    note = text(2000, allow_none=True)
    lines = fields.List(fields.Nested(PurchaseLineSchema), required=True, validate=validate.Length(min=1, max=500))
    approved_at = fields.AwareDateTime(dump_only=True, allow_none=True)
    sent_at = fields.AwareDateTime(dump_only=True, allow_none=True)
    closed_at = fields.AwareDateTime(dump_only=True, allow_none=True)


class PurchaseOrderQuerySchema(Schema):
    status = fields.String(validate=validate.OneOf(v.PO_STATUSES))
    supplier_id = fields.Integer()
    warehouse_id = fields.Integer()


class LineChangeSchema(Schema):
    line_id = StrictInteger(required=True)
    quantity = StrictInteger(required=True, validate=validate.Range(min=0, max=100_000))


class ProposalChangeSchema(Schema):
    lines = fields.List(fields.Nested(LineChangeSchema), required=True, validate=validate.Length(min=1))
    expected_on = fields.Date()


class ReceiptLineSchema(Schema):
    line_id = StrictInteger(required=True)
    quantity = StrictInteger(required=True, validate=QUANTITY)
    supplier_lot_code = fields.String(required=True, validate=validate.Length(min=1, max=64))
    production_date = fields.Date(required=True)
    expiry_date = fields.Date(required=True)


class ReceiptSchema(Schema):
    lines = fields.List(fields.Nested(ReceiptLineSchema), required=True, validate=validate.Length(min=1, max=500))
    received_on = fields.Date()
    accept_over_receipt = fields.Boolean(load_default=False, metadata={
        "description": "Take more than is outstanding (the supplier sent extra and it is kept)."})
