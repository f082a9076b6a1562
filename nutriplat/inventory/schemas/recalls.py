"""A recall: what opens it, what accounts for a place's units, and what is shown of it."""
from __future__ import annotations

from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from nutriplat.inventory import vocabulary as v
from nutriplat.schema_fields import StrictInteger, text

UNITS = validate.Range(min=1, max=100_000, error="Must be a whole number from {min} to {max}.")


class RecallRequestSchema(Schema):
    reason = text(2000, required=True, metadata={"description": "Why the lot is recalled (the authority's words)."})
    severity = fields.String(required=True, validate=validate.OneOf(v.RECALL_SEVERITIES),
                             metadata={"description": "high (a risk of serious harm), medium or low."})

    @validates_schema
    def _reason_said(self, data: dict[str, Any], **_kwargs: Any) -> None:
        if not data.get("reason", "").strip():
            raise ValidationError({"reason": ["Say why the lot is recalled."]})


class AccountSchema(Schema):
    outcome = fields.String(required=True, validate=validate.OneOf(v.RECALL_OUTCOMES), metadata={
        "description": "collected (taken back), consumed (eaten before the recall) or destroyed (on site; "
                       "needs a note)."})
    units = StrictInteger(required=True, validate=UNITS)
    note = text(2000, allow_none=True)

    @validates_schema
    def _destroyed_has_note(self, data: dict[str, Any], **_kwargs: Any) -> None:
        if data.get("outcome") == "destroyed" and not (data.get("note") or "").strip():
            raise ValidationError({"note": ["Say how and by whom the units were destroyed."]})


class RecallLocationSchema(Schema):
    location_id = fields.Integer()
    kind = fields.String(metadata={"description": "warehouse, vehicle, home or ward"})
    name = fields.String()
    client_id = fields.Integer(allow_none=True, metadata={"description": "A home's client."})
    ward_id = fields.Integer(allow_none=True, metadata={"description": "A ward's stock (its crates delivered)."})
    units_held = fields.Integer(metadata={"description": "Units of the lot the place held when recalled."})
    units_accounted = fields.Integer()
    units_outstanding = fields.Integer()


class RecallSchema(Schema):
    id = fields.Integer()
    lot_id = fields.Integer()
    lot_ids = fields.List(fields.Integer(), metadata={
        "description": "The lots blocked: the lot itself (lots record no lot they were made from)."})
    name = fields.String(metadata={"description": "The recalled dish variant."})
    supplier_lot_code = fields.String()
    reason = fields.String()
    severity = fields.String()
    status = fields.String(metadata={"description": "open, closed when every unit is accounted for"})
    opened_at = fields.AwareDateTime()
    opened_by = fields.Integer(allow_none=True)
    closed_at = fields.AwareDateTime(allow_none=True)
    units_held = fields.Integer()
    units_outstanding = fields.Integer()
    locations = fields.List(fields.Nested(RecallLocationSchema))
    affected_clients = fields.List(fields.Integer(), metadata={"description": "Clients whose home holds the lot."})


class RecallStepSchema(Schema):
    id = fields.Integer()
    location_id = fields.Integer()
    kind = fields.String()
    client_id = fields.Integer(allow_none=True)
    outcome = fields.String()
    units = fields.Integer()
    note = fields.String(allow_none=True)
    stock_move_id = fields.Integer(allow_none=True)
    recorded_by = fields.Integer(allow_none=True)
    recorded_at = fields.AwareDateTime()


class RecallReportSchema(Schema):
    recall = fields.Nested(RecallSchema)
    lot = fields.Dict(metadata={"description": "What: the lot, its product, supplier and dates."})
    steps = fields.List(fields.Nested(RecallStepSchema), metadata={"description": "When and how many, per step."})
    totals = fields.Dict(keys=fields.String(), values=fields.Integer(),
                         metadata={"description": "Units held, collected, consumed, destroyed, outstanding."})
