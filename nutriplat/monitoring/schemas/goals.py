"""Request and response shapes of personal goals and experience surveys."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from nutriplat.monitoring import experience, goal_rules
from nutriplat.schema_fields import StrictFloat, StrictInteger, not_in_future_date, text


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
