"""The shape of a handover in the API."""
from __future__ import annotations

from marshmallow import Schema, fields


class HandoverSchema(Schema):
    id = fields.Integer(dump_only=True)
    client_id = fields.Integer(dump_only=True)
    transfer_id = fields.Integer(dump_only=True)
    transferred_on = fields.Date(dump_only=True)
    from_setting = fields.String(dump_only=True, allow_none=True)
    to_setting = fields.String(dump_only=True)
    document = fields.Dict(dump_only=True, metadata={
        "description": "texture, allergies, targets, meal_plan, screenings, glim, weight_trend, "
                       "open_alerts: as they were at the transfer"})
    fhir_bundle = fields.Dict(dump_only=True, metadata={"description": "The handover as a FHIR R4 Bundle"})
    created_at = fields.DateTime(dump_only=True)
