"""The central kitchen's production plan of a day."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

DEFAULT_LOT_SIZE = 24  # portions a production lot makes (a full gastronorm run)


class ProductionQuerySchema(Schema):
    date = fields.Date(required=True, metadata={"description": "The production day (Europe/Brussels)."})
    lot_size = fields.Integer(load_default=DEFAULT_LOT_SIZE, validate=validate.Range(min=1, max=10_000), metadata={
        "description": "Portions one production lot makes."})


class ProductionRowSchema(Schema):
    variant_id = fields.Integer()
    dish = fields.String()
    texture = fields.String(metadata={"description": "IDDSI axis and level, e.g. food:5"})
    storage_class = fields.String()
    home_units = fields.Integer(metadata={"description": "Units on the next day's home orders."})
    ward_units = fields.Integer(metadata={"description": "Units on the next day's ward orders."})
    needed = fields.Integer()
    on_hand = fields.Integer(metadata={"description": "Usable units in the warehouses until the delivery day."})
    produced = fields.Integer(metadata={
        "description": "Of those, units the kitchen recorded as made on the production day (production batches)."})
    to_make = fields.Integer()
    lots = fields.Integer(metadata={"description": "Production lots to make, each of lot_size portions."})
    lot_units = fields.Integer()


class PickLineSchema(Schema):
    variant_id = fields.Integer()
    dish = fields.String()
    texture = fields.String()
    storage_class = fields.String()
    units = fields.Integer()


class VanPickSchema(Schema):
    van_id = fields.Integer(allow_none=True)
    van = fields.String(allow_none=True)
    orders = fields.Integer()
    units = fields.Integer()
    lines = fields.List(fields.Nested(PickLineSchema))


class WardCrateSchema(Schema):
    ward_id = fields.Integer()
    ward = fields.String()
    units = fields.Integer()
    lines = fields.List(fields.Nested(PickLineSchema))


class FacilityPickSchema(Schema):
    facility_id = fields.Integer()
    facility = fields.String()
    wards = fields.List(fields.Nested(WardCrateSchema))


class ProductionPlanSchema(Schema):
    date = fields.Date()
    delivery_date = fields.Date(metadata={"description": "The day what is produced leaves the depot."})
    lot_size = fields.Integer()
    home_units = fields.Integer()
    ward_units = fields.Integer()
    produced_units = fields.Integer(metadata={"description": "Units recorded as made on the production day."})
    rows = fields.List(fields.Nested(ProductionRowSchema))
    vans = fields.List(fields.Nested(VanPickSchema), metadata={
        "description": "Per van of the delivery day's published route plans, what it loads; the open orders on no "
                       "published route last, with van_id null."})
    facilities = fields.List(fields.Nested(FacilityPickSchema), metadata={
        "description": "Per care facility, the crate of each ward."})


class ProductionBatchSchema(Schema):
    id = fields.Integer(dump_only=True)
    variant_id = fields.Integer(required=True, metadata={"description": "The dish variant (dish and texture) made."})
    units = fields.Integer(required=True, validate=validate.Range(min=1, max=100_000), metadata={
        "description": "Portions the batch made."})
    production_date = fields.Date(required=True, metadata={"description": "The day it was made (not in the future)."})
    warehouse_id = fields.Integer(required=True, metadata={"description": "The warehouse the batch is stored in."})
    dish = fields.String(dump_only=True)
    texture = fields.String(dump_only=True)
    lot_id = fields.Integer(dump_only=True, metadata={"description": "The lot the batch became."})
    lot_code = fields.String(dump_only=True, metadata={"description": "The kitchen's lot code: K<day>-<variant>-<n>."})
    use_by = fields.Date(dump_only=True, metadata={"description": "Production day + the dish's shelf life − 1."})
