"""The contracting method's shapes: per indicator how it is measured, and the agreement's
outcomes (aim dimension) → objectives → indicators."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from nutriplat.indicators.vocabulary import AIMS
from nutriplat.periods import KINDS as PERIOD_KINDS
from nutriplat.schema_fields import DecimalText

NAMES = validate.Length(min=1, max=200)


class AuditRuleSchema(Schema):
    """The measurement audit agreed up front: a seeded sample per period verified by a second person."""

    sample_size = fields.Integer(required=True, validate=validate.Range(min=1, max=1000))
    verified_by = fields.Integer(required=True, strict=True, metadata={
        "description": "The id of the provider's user who verifies the sample (a role allowed to verify); "
                       "never the one who recorded a sampled measurement."})
    verifier_note = fields.String(dump_only=True, metadata={
        "description": "An older agreement's verifier in words (before verifiers were users)."})
    min_agreement_rate = DecimalText(load_default=None, allow_none=True, as_string=True, places=None,
                                     allow_nan=False, validate=validate.Range(min=0, max=1),
                                     metadata={"description": "Payment on the indicator only at or above it."})


class MeasurementSchema(Schema):
    """How one indicator of the agreement is measured."""

    instrument = fields.String(load_default=None, validate=NAMES, metadata={
        "description": "Which screening, measurement, survey or event (e.g. MUST, scale reading)."})
    measured_by = fields.String(load_default=None, validate=validate.Length(min=1, max=100))
    data_source = fields.String(load_default="nutriplat", validate=validate.Length(min=1, max=60), metadata={
        "description": "The source that counts: nutriplat, or a cofinancer's source named here (its figures are "
                       "imported; until they are, the indicator has no value)."})
    frequency = fields.String(load_default=None, validate=validate.OneOf(PERIOD_KINDS))
    audit_rule = fields.Nested(AuditRuleSchema, load_default=None, allow_none=True)


class ObjectiveSchema(Schema):
    name = fields.String(required=True, validate=NAMES)
    indicators = fields.List(fields.String(), required=True, validate=validate.Length(min=1, max=50),
                             metadata={"description": "Codes of the agreement's indicators."})


class OutcomeSchema(Schema):
    name = fields.String(required=True, validate=NAMES)
    aim = fields.String(required=True, validate=validate.OneOf(AIMS))
    objectives = fields.List(fields.Nested(ObjectiveSchema), required=True, validate=validate.Length(min=1, max=20))
