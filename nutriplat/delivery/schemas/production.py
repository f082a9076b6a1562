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
    to_make = fields.Integer()
    lots = fields.Integer(metadata={"description": "Production lots to make, each of lot_size portions."})
    lot_units = fields.Integer()


class ProductionPlanSchema(Schema):
    date = fields.Date()
    delivery_date = fields.Date(metadata={"description": "The day what is produced leaves the depot."})
    lot_size = fields.Integer()
    home_units = fields.Integer()
    ward_units = fields.Integer()
    rows = fields.List(fields.Nested(ProductionRowSchema))
