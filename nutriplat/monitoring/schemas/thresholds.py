"""Request and response shapes of a client's own early-warning thresholds."""
from __future__ import annotations

from marshmallow import Schema, fields, validate


class ThresholdSchema(Schema):
    client_id = fields.Integer(dump_only=True)
    parameter = fields.String(dump_only=True)
    value = fields.Float(required=True)
    reason = fields.String(required=True, validate=validate.Length(min=1, max=500))
    set_by = fields.Integer(dump_only=True, allow_none=True)
    set_at = fields.AwareDateTime(dump_only=True)
