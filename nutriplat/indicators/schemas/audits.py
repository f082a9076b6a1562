"""Shapes of the measurement audit: the draw, the second person's findings, the result."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

KINDS = validate.OneOf(("weight", "screening", "glim", "intake", "delivery"))


class DrawSchema(Schema):
    indicator = fields.String(required=True, validate=validate.Length(min=1, max=60))
    period = fields.String(required=True, validate=validate.Length(min=4, max=7),
                           metadata={"description": "A closed reporting period of the agreement, e.g. 2026Q3."})
    seed = fields.Integer(load_default=None, validate=validate.Range(min=0, max=2**62), metadata={
        "description": "Leave out to have one drawn at random; stored either way, so the sample can be redrawn."})


class SampledSchema(Schema):
    kind = fields.String(validate=KINDS)
    id = fields.Integer()


class FindingSchema(SampledSchema):
    kind = fields.String(required=True, validate=KINDS)
    id = fields.Integer(required=True)
    agrees = fields.Boolean(required=True, metadata={"description": "The source (scale reading, form) confirms it."})
    note = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=500))


class FindingsSchema(Schema):
    findings = fields.List(fields.Nested(FindingSchema), required=True, validate=validate.Length(min=1, max=1000))


class AuditSchema(Schema):
    """What both parties see: how the sample was drawn and how well it agreed; no person."""

    id = fields.Integer()
    agreement_id = fields.Integer()
    indicator = fields.String()
    period = fields.String()
    seed = fields.Integer()
    population = fields.Integer(metadata={"description": "Measurements the sample was drawn from."})
    sample_size = fields.Function(lambda audit: len(audit.sample))
    agreement_rate = fields.Decimal(as_string=True, allow_none=True)
    drawn_at = fields.DateTime()
    verified_at = fields.DateTime(allow_none=True)


class SampledRecordSchema(Schema):
    kind = fields.String()
    id = fields.Integer()
    client_id = fields.Integer()
    at = fields.DateTime()
    value = fields.String()
    recorded_by = fields.Integer(allow_none=True, metadata={
        "description": "The user who recorded it, who may therefore not verify it."})


class AuditRecordsSchema(Schema):
    """The sample for the provider's second person to verify against the source."""

    audit = fields.Nested(AuditSchema)
    items = fields.List(fields.Nested(SampledRecordSchema))
