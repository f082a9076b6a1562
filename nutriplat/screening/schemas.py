"""The API shape of screenings, GLIM assessments, targets and the work list."""
from __future__ import annotations

from marshmallow import Schema, fields, pre_load, validate

from nutriplat.schema_fields import StrictFloat, StrictInteger, not_in_future_datetime
from nutriplat.screening.domain import INSTRUMENTS


class ScreeningRequestSchema(Schema):
    instrument = fields.String(required=True, validate=validate.OneOf(tuple(INSTRUMENTS)))
    answers = fields.Dict(keys=fields.String(), required=True,
                          metadata={"description": "Keys per instrument, see spec/screening.md."})
    performed_at = fields.AwareDateTime(validate=not_in_future_datetime,
                                        metadata={"description": "Default: now."})
    corrects_id = StrictInteger(metadata={"description": "The screening this one corrects."})


class ScreeningSchema(Schema):
    id = fields.Integer()
    client_id = fields.Integer()
    instrument = fields.String()
    instrument_version = fields.String()
    answers = fields.Dict()
    total_score = fields.Integer(allow_none=True)
    risk = fields.String()
    components = fields.Dict(metadata={"description": "Points per item."})
    derived = fields.Dict(metadata={"description": "Inputs the service filled in, and from what."})
    details = fields.Dict(allow_none=True)
    care_setting = fields.String(allow_none=True)
    performed_at = fields.AwareDateTime()
    performed_on = fields.Date()
    performed_by = fields.Integer(allow_none=True)
    next_due = fields.Date()
    corrects_id = fields.Integer(allow_none=True)
    recorded_at = fields.AwareDateTime()


class AssessmentRequestSchema(Schema):
    method = fields.String(required=True, validate=validate.OneOf(("glim",)))
    answers = fields.Dict(keys=fields.String(), required=True)
    assessed_at = fields.AwareDateTime(validate=not_in_future_datetime,
                                       metadata={"description": "Default: now."})
    corrects_id = StrictInteger()

    @pre_load
    def gather_flat_answers(self, data, **kwargs):  # type: ignore[no-untyped-def]
        """GLIM keys may come flat beside "method" or inside "answers"."""
        if isinstance(data, dict) and "answers" not in data:
            own = {"method", "assessed_at", "corrects_id"}
            data = {k: v for k, v in data.items() if k in own} | {
                "answers": {k: v for k, v in data.items() if k not in own}}
        return data


class AssessmentSchema(Schema):
    id = fields.Integer()
    client_id = fields.Integer()
    method = fields.String()
    method_version = fields.String()
    answers = fields.Dict()
    derived = fields.Dict()
    malnourished = fields.Boolean()
    stage = fields.Integer(allow_none=True)
    phenotypic = fields.List(fields.String())
    etiologic = fields.List(fields.String())
    assessed_at = fields.AwareDateTime()
    performed_by = fields.Integer(allow_none=True)
    corrects_id = fields.Integer(allow_none=True)


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


class DueQuerySchema(Schema):
    before = fields.Date(required=True)


class DueEntrySchema(Schema):
    client_id = fields.Integer(attribute="client.id")
    given_name = fields.String(attribute="client.given_name")
    family_name = fields.String(attribute="client.family_name")
    care_setting = fields.String(attribute="client.care_setting")
    next_due = fields.Date(allow_none=True, metadata={"description": "Null: never screened."})
    # Never-screened clients have no last screening: these are then null, not absent.
    last_instrument = fields.Function(lambda e: e.last and e.last.instrument, allow_none=True)
    last_risk = fields.Function(lambda e: e.last and e.last.risk, allow_none=True)
    last_performed_on = fields.Function(
        lambda e: e.last and e.last.performed_on.isoformat(), allow_none=True)


class AlsoSuggestedSchema(Schema):
    instrument = fields.String()
    reason = fields.String()


class SuggestionSchema(Schema):
    instrument = fields.String()
    reason = fields.String()
    also = fields.List(fields.Nested(AlsoSuggestedSchema))
    allowed = fields.List(fields.String(), metadata={"description": "Every instrument stays allowed."})




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
