"""Stock moves, counts, stock on hand, lots and a client's home stock."""
from __future__ import annotations

from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from nutriplat.inventory import vocabulary as v
from nutriplat.schema_fields import StrictInteger, not_in_future_date, text

QUANTITY = validate.Range(min=1, max=100_000, error="Must be a whole number from {min} to {max}.")


class MoveSchema(Schema):
    id = fields.Integer(dump_only=True)
    kind = fields.String(required=True, validate=validate.OneOf(v.MANUAL_MOVE_KINDS),
                         metadata={"description": "receipt, transfer, delivery, return, consumption or waste; "
                                                  "counts go to /stock/counts, picks to /delivery-orders."})
    lot_id = StrictInteger(allow_none=True, metadata={"description": "The lot; or give variant_id instead."})
    variant_id = StrictInteger(allow_none=True, metadata={
        "description": "Any version of the product: taken first-expiry-first-out, never past its expiry."})
    from_location_id = StrictInteger(allow_none=True)
    to_location_id = StrictInteger(allow_none=True)
    quantity = StrictInteger(required=True, validate=QUANTITY)
    moved_on = fields.Date(validate=not_in_future_date, metadata={"description": "Business day; default today."})
    reason = text(500, allow_none=True)
    moved_at = fields.AwareDateTime(dump_only=True)
    client_id = fields.Integer(dump_only=True)
    delivery_order_id = fields.Integer(dump_only=True)
    purchase_order_line_id = fields.Integer(dump_only=True)

    @validates_schema
    def _lot_or_product(self, data: dict[str, Any], **_kwargs: Any) -> None:
        if (data.get("lot_id") is None) == (data.get("variant_id") is None):
            raise ValidationError({"lot_id": ["Give either lot_id or variant_id."]})
        if data.get("kind") == "waste" and not data.get("reason"):
            raise ValidationError({"reason": ["Say why stock is thrown away (expired, damaged, recall …)."]})


class MoveQuerySchema(Schema):
    location_id = fields.Integer()
    lot_id = fields.Integer()
    client_id = fields.Integer()
    delivery_order_id = fields.Integer()
    kind = fields.String(validate=validate.OneOf(v.MOVE_KINDS))
    since = fields.Date()
    until = fields.Date()


class CountSchema(Schema):
    location_id = StrictInteger(required=True)
    lot_id = StrictInteger(required=True)
    counted = StrictInteger(required=True, validate=validate.Range(min=0, max=100_000))
    counted_on = fields.Date(validate=not_in_future_date)
    reason = text(500, allow_none=True)


class CountResultSchema(Schema):
    location_id = fields.Integer()
    lot_id = fields.Integer()
    before = fields.Integer()
    counted = fields.Integer()
    difference = fields.Integer()
    move_id = fields.Integer(allow_none=True)


class StockQuerySchema(Schema):
    location = fields.Integer(metadata={"description": "A location id; without it every warehouse and vehicle."})


class StockRowSchema(Schema):
    location_id = fields.Integer()
    lot_id = fields.Integer()
    variant_id = fields.Integer()
    dish_id = fields.Integer()
    texture = fields.String()
    name = fields.String()
    expiry_date = fields.Date()
    expired = fields.Boolean()
    quantity = fields.Integer()


class LotSchema(Schema):
    id = fields.Integer(dump_only=True)
    variant_id = StrictInteger(required=True)
    dish_id = fields.Integer(dump_only=True)
    texture = fields.String(dump_only=True)
    name = fields.String(dump_only=True)
    supplier_id = StrictInteger(allow_none=True)
    supplier_lot_code = fields.String(required=True, validate=validate.Length(min=1, max=64))
    production_date = fields.Date(required=True)
    expiry_date = fields.Date(required=True)


class LotQuerySchema(Schema):
    variant_id = fields.Integer()
    dish_id = fields.Integer()
    expiring_before = fields.Date()


class ResidentUnitsSchema(Schema):
    client_id = fields.Integer()
    given_name = fields.String()
    family_name = fields.String()
    room = fields.String(allow_none=True)
    quantity = fields.Integer(metadata={"description": "Units of the lot on the resident's trays."})


class RecipientSchema(Schema):
    kind = fields.String(metadata={"description": "home (a client's home) or ward (a facility's ward crate)."})
    setting = fields.String(metadata={"description": "home, nursing_home or hospital."})
    client_id = fields.Integer(metadata={"description": "A home's client."})
    given_name = fields.String()
    family_name = fields.String()
    phone = fields.String(allow_none=True)
    delivered_on = fields.Date()
    quantity = fields.Integer()
    delivery_order_id = fields.Integer(allow_none=True)
    at_home_now = fields.Integer(metadata={"description": "Units of the lot still in the client's home."})
    facility_id = fields.Integer(metadata={"description": "A ward's care facility."})
    facility_name = fields.String()
    site_id = fields.Integer()
    site_name = fields.String()
    ward_id = fields.Integer()
    ward_name = fields.String()
    at_ward_now = fields.Integer(metadata={"description": "Units of the lot still at the ward."})
    residents = fields.List(fields.Nested(ResidentUnitsSchema), metadata={
        "description": "The residents whose trays drew on the lot."})


class ClientLotSchema(LotSchema):
    lot_id = fields.Integer()
    delivered_on = fields.Date()
    quantity = fields.Integer()
    delivery_order_id = fields.Integer(allow_none=True)
    at_home_now = fields.Integer()


class HomeItemSchema(Schema):
    variant_id = fields.Integer(allow_none=True)
    dish_id = fields.Integer()
    texture = fields.String()
    name = fields.String()
    storage_class = fields.String()
    quantity = fields.Integer(metadata={"description": "On hand, not expired."})
    expired_quantity = fields.Integer()
    next_expiry = fields.Date(allow_none=True)
    incoming = fields.Integer(metadata={"description": "Units on delivery orders on their way."})
    planned = fields.Boolean(metadata={"description": "In the approved plan from today on."})
    days_of_cover = fields.Integer(allow_none=True, metadata={
        "description": "Whole days from today the stock at home feeds the plan (null: not planned)."})
    beyond_plan = fields.Boolean(metadata={"description": "It lasts past the last planned day: at least this long."})


class ApplianceSchema(Schema):
    location_id = fields.Integer()
    appliance_type = fields.String()
    storage_class = fields.String()
    capacity_l = fields.Float(allow_none=True)
    used_l = fields.Float()


class HomeStockSchema(Schema):
    client_id = fields.Integer()
    as_of = fields.Date()
    plan_known_until = fields.Date(allow_none=True)
    days_of_cover = fields.Integer(allow_none=True, metadata={"description": "The shortest cover of a planned item."})
    items = fields.List(fields.Nested(HomeItemSchema))
    appliances = fields.List(fields.Nested(ApplianceSchema))

