"""Request and response shapes of early-warning cases."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from nutriplat.clock import business_today
from nutriplat.monitoring import cases
from nutriplat.monitoring.domain import risk
from nutriplat.schema_fields import text


class SignalSchema(Schema):
    alert_id = fields.Integer()
    rule = fields.String()
    kind = fields.String(metadata={"description": "weight_trend, intake, fluid, screening_risk, "
                                                  "missed_deliveries, intake_not_recorded, recent_discharge"})
    severity = fields.String()
    points = fields.Integer(metadata={"description": "This signal's share of the risk score."})
    cause = fields.String()


class CaseChangeSchema(Schema):
    day = fields.Date()
    change = fields.String(metadata={"description": "opened, rescored, woken, snoozed, resolved, closed"})
    risk_score = fields.Integer()
    severity = fields.String()
    why = fields.String()
    changed_by = fields.Integer(allow_none=True)
    changed_at = fields.AwareDateTime()


class CaseSchema(Schema):
    id = fields.Integer()
    client_id = fields.Integer()
    status = fields.Function(lambda case: cases.shown_status(case, business_today()))
    risk_score = fields.Integer()
    severity = fields.String()
    signals = fields.List(fields.Nested(SignalSchema))
    reason = fields.String(metadata={"description": "One line: the strongest signal."})
    suggested_action = fields.String(metadata={"description": ", ".join(risk.ACTIONS)})
    scoring_version = fields.String()
    dietitian_id = fields.Integer(allow_none=True)
    opened_on = fields.Date()
    snoozed_until = fields.Date(allow_none=True)
    snooze_reason = fields.String(allow_none=True)
    resolved_on = fields.Date(allow_none=True)
    resolved_by = fields.Integer(allow_none=True)
    outcome = fields.String(allow_none=True)
    outcome_note = fields.String(allow_none=True)


class CaseDetailSchema(CaseSchema):
    history = fields.List(fields.Nested(CaseChangeSchema))


class CaseQuerySchema(Schema):
    status = fields.String(validate=validate.OneOf(cases.STATUSES), metadata={"description": "Default: open."})
    client_id = fields.Integer()
    mine = fields.Boolean(metadata={"description": "Only cases of clients whose dietitian I am."})


class SnoozeSchema(Schema):
    until = fields.Date(required=True)
    reason = fields.String(required=True, validate=validate.Length(min=1, max=500))


class ResolveSchema(Schema):
    outcome = fields.String(required=True, validate=validate.OneOf(cases.OUTCOMES))
    note = text(500, allow_none=True)
