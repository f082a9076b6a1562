"""The API's shape of assets, their installs and collections, and repair jobs."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from nutriplat.equipment.vocabulary import ASSET_KINDS, ASSET_STATES, REPAIR_OUTCOMES, REPORTERS, TASK_STATUSES
from nutriplat.schema_fields import StrictFloat, StrictInteger, text

OUTCOMES = ("delivered", "not_home", "refused")  # as a delivery stop's


class AssetPlacementSchema(Schema):
    client_id = fields.Integer()
    location_id = fields.Integer(allow_none=True)
    installed_on = fields.Date()
    collected_on = fields.Date(allow_none=True, metadata={"description": "None: still there."})


class AssetTaskSchema(Schema):
    id = fields.Integer()
    asset_id = fields.Integer()
    client_id = fields.Integer()
    kind = fields.String(metadata={"description": "install or collect"})
    due_on = fields.Date()
    warehouse_id = fields.Integer()
    location_id = fields.Integer(allow_none=True)
    status = fields.String(metadata={"description": ", ".join(TASK_STATUSES)})
    note = fields.String(allow_none=True)
    done_at = fields.DateTime(allow_none=True)


class RepairJobSchema(Schema):
    id = fields.Integer()
    asset_id = fields.Integer()
    client_id = fields.Integer(allow_none=True)
    location_id = fields.Integer(allow_none=True)
    reported_by = fields.String()
    reported_on = fields.Date()
    description = fields.String()
    replacement_asset_id = fields.Integer(allow_none=True)
    stock_at_risk = fields.Boolean(metadata={"description": "A freezer's stock with no replacement."})
    units_at_risk = fields.Integer()
    status = fields.String(metadata={"description": "open or closed"})
    outcome = fields.String(allow_none=True)
    outcome_note = fields.String(allow_none=True)
    opened_at = fields.DateTime()
    closed_at = fields.DateTime(allow_none=True)


class AssetSchema(Schema):
    id = fields.Integer(dump_only=True)
    kind = fields.String(required=True, validate=validate.OneOf(ASSET_KINDS))
    serial_number = fields.String(required=True, validate=validate.Length(min=1, max=60))
    model = fields.String(required=True, validate=validate.Length(min=1, max=120))
    capacity = fields.Dict(keys=fields.String(), values=StrictFloat(), required=True, metadata={
        "description": "Litres per storage class (frozen, chilled, ambient); a freezer gives frozen."})
    purchase_date = fields.Date(required=True)
    tariff_code = fields.String(validate=validate.Length(min=1, max=40), metadata={
        "description": "The rental tariff billed while installed; default: the kind."})
    warehouse_id = StrictInteger(required=True, metadata={"description": "Where it is kept in stock."})
    note = text(2000, allow_none=True)
    state = fields.String(dump_only=True, metadata={"description": ", ".join(ASSET_STATES)})
    version = fields.Integer(dump_only=True)
    client_id = fields.Integer(dump_only=True, allow_none=True, metadata={"description": "Installed at."})
    location_id = fields.Integer(dump_only=True, allow_none=True, metadata={
        "description": "The home appliance location it is (a freezer)."})
    placements = fields.List(fields.Nested(AssetPlacementSchema), dump_only=True)
    open_task = fields.Nested(AssetTaskSchema, dump_only=True, allow_none=True)
    open_repair = fields.Nested(RepairJobSchema, dump_only=True, allow_none=True)


class AssetPatchSchema(Schema):
    version = StrictInteger(required=True)
    serial_number = fields.String(validate=validate.Length(min=1, max=60))
    model = fields.String(validate=validate.Length(min=1, max=120))
    capacity = fields.Dict(keys=fields.String(), values=StrictFloat())
    purchase_date = fields.Date()
    tariff_code = fields.String(validate=validate.Length(min=1, max=40))
    warehouse_id = StrictInteger()
    note = text(2000, allow_none=True)


class AssetQuerySchema(Schema):
    kind = fields.String(validate=validate.OneOf(ASSET_KINDS))
    state = fields.String(validate=validate.OneOf(ASSET_STATES))
    warehouse_id = fields.Integer()
    client_id = fields.Integer()


class InstallSchema(Schema):
    client_id = StrictInteger(required=True)
    due_on = fields.Date(required=True)
    note = text(2000, allow_none=True)


class CollectSchema(Schema):
    due_on = fields.Date(required=True)
    note = text(2000, allow_none=True)


class AssetTaskQuerySchema(Schema):
    status = fields.String(validate=validate.OneOf(TASK_STATUSES))
    due_on = fields.Date()
    asset_id = fields.Integer()
    client_id = fields.Integer()
    warehouse_id = fields.Integer()


class AssetTaskConfirmationSchema(Schema):
    outcome = fields.String(required=True, validate=validate.OneOf(OUTCOMES))


class BreakdownSchema(Schema):
    reported_by = fields.String(required=True, validate=validate.OneOf(REPORTERS))
    description = fields.String(required=True, validate=validate.Length(min=1, max=2000))
    replacement_asset_id = StrictInteger(allow_none=True, metadata={
        "description": "A freezer's stock moves to this asset (in stock, same kind), installed in its place."})


class HomeBreakdownSchema(Schema):
    asset_id = StrictInteger(required=True, metadata={"description": "The freezer or oven installed at the client."})
    description = fields.String(required=True, validate=validate.Length(min=1, max=2000), metadata={
        "description": "What is wrong, in the reporter's words."})


class RepairJobQuerySchema(Schema):
    status = fields.String(validate=validate.OneOf(("open", "closed")))
    asset_id = fields.Integer()


class RepairJobCloseSchema(Schema):
    outcome = fields.String(required=True, validate=validate.OneOf(REPAIR_OUTCOMES))
    note = text(2000, allow_none=True)
