"""Proof of delivery: what the driver sends with a stop's confirmation, and how it reads back."""
from __future__ import annotations

from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from nutriplat.schema_fields import StrictFloat, StrictInteger, text

TEMPERATURE = validate.Range(min=-40, max=40, error="Must be between -40 and 40 °C.")


class RefusedLineSchema(Schema):
    order_id = StrictInteger(required=True)
    variant_id = StrictInteger(required=True)
    units = StrictInteger(required=True, validate=validate.Range(min=1, error="Must be at least 1."))
    reason = text(200, allow_none=True)
    client_id = StrictInteger(allow_none=True, metadata={
        "description": "At a care facility: the resident who refused; it comes off their tray on the crate."})


class ProofSchema(Schema):
    """What the driver records at the door, beside the outcome."""

    received_by = text(120, allow_none=True, metadata={"description": "Who took the delivery (name)."})
    left_at = text(200, allow_none=True, metadata={
        "description": "Where it was left when nobody took it (an agreed safe place); needs photo_ref."})
    photo_ref = text(300, allow_none=True, metadata={"description": "Reference of the photo taken at the stop."})
    chilled_c = StrictFloat(allow_none=True, validate=TEMPERATURE, metadata={
        "description": "Temperature of the chilled food at handover; required when the stop carries any."})
    frozen_c = StrictFloat(allow_none=True, validate=TEMPERATURE, metadata={
        "description": "Temperature of the frozen food at handover; required when the stop carries any."})
    lat = StrictFloat(allow_none=True, validate=validate.Range(min=-90, max=90))
    lon = StrictFloat(allow_none=True, validate=validate.Range(min=-180, max=180))
    refused = fields.List(fields.Nested(RefusedLineSchema), load_default=list, metadata={
        "description": "Lines refused at the door: they stay in the van, never become the client's stock."})

    @validates_schema
    def _position(self, data: dict[str, Any], **kwargs: Any) -> None:
        if (data.get("lat") is None) != (data.get("lon") is None):
            raise ValidationError("Give both lat and lon, or neither.", "lat")


class PositionSchema(Schema):
    lat = fields.Float()
    lon = fields.Float()


class ProofViewSchema(Schema):
    id = fields.Integer()
    recorded_at = fields.AwareDateTime()
    position = fields.Nested(PositionSchema, allow_none=True, metadata={"description": "The driver's, when given."})
    received_by = fields.String(allow_none=True)
    left_at = fields.String(allow_none=True)
    photo_ref = fields.String(allow_none=True)
    photo_url = fields.String(allow_none=True, metadata={
        "description": "Where the photo is shown (GET, the planners and the client's dietitian); null: no photo."})
    chilled_c = fields.Float(allow_none=True)
    frozen_c = fields.Float(allow_none=True)
    cold_chain_alarms = fields.List(fields.String(), metadata={
        "description": "Storage classes handed over too warm (chilled above 7 °C, frozen above -15 °C)."})
    refused = fields.List(fields.Dict(), metadata={
        "description": "order_id, variant_id, dish, units, reason; client_id when a ward resident was named."})
