"""The API shape of a client's nutrient targets and a dietitian's overrides."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from nutriplat.schema_fields import StrictFloat


class OverrideSchema(Schema):
    # Stored with one decimal: 0.04 would be kept as 0, which is no target at all.
    value = StrictFloat(required=True, validate=validate.Range(min=0.1, max=100000))
    reason = fields.String(required=True, validate=validate.Length(min=1, max=500))
    valid_from = fields.Date(required=True)
    valid_until = fields.Date(allow_none=True)


class TargetsOverrideRequestSchema(Schema):
    energy_kcal = fields.Nested(OverrideSchema)
    protein_g = fields.Nested(OverrideSchema)
    fluid_ml = fields.Nested(OverrideSchema)


class OverrideRecordSchema(OverrideSchema):
    id = fields.Integer()
    target = fields.String()
    value = fields.Float()
    set_by = fields.Integer(allow_none=True)
    set_at = fields.AwareDateTime()


class TargetsQuerySchema(Schema):
    on = fields.Date(metadata={"description": "Default: today (Europe/Brussels)."})


class TargetValueSchema(Schema):
    computed = fields.Float()
    computed_method = fields.String()
    effective = fields.Float()
    method = fields.String(attribute="effective_method",
                           metadata={"description": "espen_geriatric, or override while one is valid."})
    override = fields.Nested(OverrideSchema, allow_none=True)


class TargetsSchema(Schema):
    on = fields.Date()
    method = fields.String(attribute="computed.method")
    reference_weight_kg = fields.Float(attribute="computed.reference_weight_kg")
    reference_weight_basis = fields.String(attribute="computed.reference_weight_basis")
    bmi = fields.Float(attribute="computed.bmi")
    protein_g_per_kg = fields.Float(attribute="computed.protein_g_per_kg")
    protein_basis = fields.String(attribute="computed.protein_basis")
    energy_kcal = fields.Nested(TargetValueSchema, attribute="targets.energy_kcal")
    protein_g = fields.Nested(TargetValueSchema, attribute="targets.protein_g")
    fluid_ml = fields.Nested(TargetValueSchema, attribute="targets.fluid_ml")
