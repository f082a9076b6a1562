"""Shapes of the quarterly staff survey and of its suppressed summary."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from nutriplat.indicators.staff_survey import QUESTIONS, STAFF_GROUPS


class AnswerSchema(Schema):
    staff_group = fields.String(required=True, validate=validate.OneOf(STAFF_GROUPS), metadata={
        "description": "dietitian (role dietitian); driver or kitchen (role logistics)."})
    answers = fields.Dict(keys=fields.String(), values=fields.Raw(), required=True, metadata={
        "description": "Each question in force this quarter (GET /staff-survey/questions; built in: "
                       f"{', '.join(QUESTIONS)}): 1 (not at all) to 5 (fully)."})


class AnsweredSchema(Schema):
    period = fields.String()
    staff_group = fields.String()
    submitted_at = fields.DateTime()


class SummaryQuerySchema(Schema):
    period = fields.String(required=True, validate=validate.Length(min=6, max=6),
                           metadata={"description": "A closed quarter, e.g. 2026Q3."})


class SummaryRowSchema(Schema):
    staff_group = fields.String(allow_none=True, metadata={"description": "None: all staff."})
    suppressed = fields.Boolean()
    respondents = fields.Integer(allow_none=True)
    mean_score = fields.String(allow_none=True, metadata={"description": "1–5, the mean of the five answers."})


class SummarySchema(Schema):
    agreement_id = fields.Integer()
    period = fields.String()
    questions = fields.List(fields.String())
    rows = fields.List(fields.Nested(SummaryRowSchema))


class QuestionSchema(Schema):
    code = fields.String(required=True, metadata={"description": "The answer's key, e.g. workload_manageable."})
    nl = fields.String(required=True, metadata={"description": "The question in Dutch (nl-BE)."})
    en = fields.String(required=True, metadata={"description": "The question in English."})


class QuestionsRequestSchema(Schema):
    questions = fields.List(fields.Nested(QuestionSchema), required=True)


class QuestionnaireSchema(Schema):
    version = fields.Integer(metadata={
        "description": "1: the built-in five; a response keeps the version it answered."})
    effective_from = fields.String(allow_none=True, metadata={"description": "The first quarter it is asked in."})
    questions = fields.List(fields.Nested(QuestionSchema))
