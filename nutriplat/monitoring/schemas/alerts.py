"""Request and response shapes of early-warning alerts."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from nutriplat.monitoring import rules
from nutriplat.schema_fields import text

STATUSES = ("open", "acknowledged", "resolved")


class AlertSchema(Schema):
    id = fields.Integer()
    client_id = fields.Integer()
    rule = fields.String()
    severity = fields.String()
    cause = fields.String()
    status = fields.String()
    dietitian_id = fields.Integer(allow_none=True)
    evidence_from = fields.Date()
    first_detected_on = fields.Date()
    last_detected_on = fields.Date()
    occurrences = fields.Integer()
    detail = fields.Dict()
    acknowledged_at = fields.AwareDateTime(allow_none=True)
    acknowledged_by = fields.Integer(allow_none=True)
    resolved_at = fields.AwareDateTime(allow_none=True)
    resolved_by = fields.Integer(allow_none=True)
    note = fields.String(allow_none=True)


class AlertQuerySchema(Schema):
    status = fields.List(fields.String(validate=validate.OneOf(STATUSES)),
                         metadata={"description": "Default: open and acknowledged."})
    severity = fields.String(validate=validate.OneOf(rules.SEVERITIES))
    rule = fields.String(validate=validate.OneOf(rules.RULES))
    client_id = fields.Integer()
    mine = fields.Boolean(metadata={"description": "Only alerts of clients whose dietitian I am."})


class AlertActionSchema(Schema):
    note = text(500, allow_none=True)
