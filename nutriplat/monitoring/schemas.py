"""Request and response shapes of alerts, goals and experience surveys."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from nutriplat.monitoring import experience, goal_rules, rules
from nutriplat.schema_fields import StrictFloat, StrictInteger, not_in_future_date, text

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


class ProgressSchema(Schema):
    value = fields.Float(allow_none=True)
    fraction = fields.Float()
    met = fields.Boolean()


class GoalProgressSchema(Schema):
    id = fields.Integer(dump_only=True)
    recorded_on = fields.Date(required=True, validate=not_in_future_date)
    value = StrictFloat(load_default=1.0, validate=validate.Range(min=0, max=10_000, min_inclusive=False))
    note = text(500, allow_none=True)
    recorded_by = fields.Integer(dump_only=True)


class GoalSchema(Schema):
    id = fields.Integer(dump_only=True)
    client_id = fields.Integer(dump_only=True)
    domain = fields.String(required=True, validate=validate.OneOf(goal_rules.DOMAINS))
    description = fields.String(required=True, validate=validate.Length(min=1, max=300))
    metric = fields.String(required=True, validate=validate.OneOf(tuple(goal_rules.METRICS)))
    direction = fields.String(load_default="at_least", validate=validate.OneOf(goal_rules.DIRECTIONS))
    target = StrictFloat(required=True, allow_nan=False, validate=validate.Range(max=100_000))
    starts_on = fields.Date(required=True)
    ends_on = fields.Date(required=True)
    coins = StrictInteger(load_default=50, validate=validate.Range(min=0, max=1_000))
    status = fields.String(dump_only=True)
    met_on = fields.Date(dump_only=True, allow_none=True)
    closed_on = fields.Date(dump_only=True, allow_none=True)
    progress = fields.Nested(ProgressSchema, dump_only=True, attribute="current")
    reports = fields.List(fields.Nested(GoalProgressSchema), dump_only=True, attribute="progress")


class SurveySchema(Schema):
    id = fields.Integer(dump_only=True)
    client_id = fields.Integer(dump_only=True)
    period = fields.String(required=True, metadata={"description": "2026-09, 2026Q3 or 2026"})
    answered_on = fields.Date(required=True, validate=not_in_future_date)
    respondent = fields.String(load_default="client", validate=validate.OneOf(experience.RESPONDENTS))
    answers = fields.Dict(keys=fields.String(), values=fields.Raw(), required=True,
                          metadata={"description": "Each item of the survey scored 1-5: "
                                                   + ", ".join(experience.ITEMS)})
    mean_score = fields.Decimal(dump_only=True, as_string=True)
    recorded_by = fields.Integer(dump_only=True)
