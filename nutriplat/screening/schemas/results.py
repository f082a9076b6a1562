"""The API shape of screenings and GLIM assessments."""
from __future__ import annotations

from marshmallow import Schema, fields, pre_load, validate

from nutriplat.schema_fields import StrictInteger, not_in_future_datetime
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
