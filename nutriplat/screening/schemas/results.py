"""The API shape of screenings and GLIM assessments."""
from __future__ import annotations

from typing import Any

from marshmallow import Schema, ValidationError, fields, pre_load, validate, validates_schema

from nutriplat.schema_fields import StrictInteger, not_in_future_datetime, text
from nutriplat.screening.domain import INSTRUMENTS


class CorrectionSchema(Schema):
    """A correction names the result it corrects and says why; an original has no reason."""
    without_reason = "Say why the result is corrected."  # each kind names itself
    corrects_id = StrictInteger(metadata={"description": "The result this one corrects."})
    correction_reason = text(500, metadata={"description": "Why the answers are corrected; "
                                                           "required with corrects_id."})

    @validates_schema
    def _a_correction_says_why(self, data: dict[str, Any], **_: Any) -> None:
        reason = (data.get("correction_reason") or "").strip()
        if data.get("corrects_id") is not None and not reason:
            raise ValidationError(self.without_reason, "correction_reason")
        if data.get("corrects_id") is None and "correction_reason" in data:
            raise ValidationError("Only a correction (corrects_id) has a reason.", "correction_reason")


class ScreeningRequestSchema(CorrectionSchema):
    without_reason = "Say why the screening is corrected."
    instrument = fields.String(required=True, validate=validate.OneOf(tuple(INSTRUMENTS)))
    answers = fields.Dict(keys=fields.String(), required=True,
                          metadata={"description": "Keys per instrument, see spec/screening.md."})
    performed_at = fields.AwareDateTime(validate=not_in_future_datetime,
                                        metadata={"description": "Default: now."})


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
    correction_reason = fields.String(allow_none=True)
    recorded_at = fields.AwareDateTime()


class AssessmentRequestSchema(CorrectionSchema):
    without_reason = "Say why the assessment is corrected."
    method = fields.String(required=True, validate=validate.OneOf(("glim",)))
    answers = fields.Dict(keys=fields.String(), required=True)
    assessed_at = fields.AwareDateTime(validate=not_in_future_datetime,
                                       metadata={"description": "Default: now."})

    @pre_load
    def gather_flat_answers(self, data: Any, **kwargs: Any) -> Any:
        """GLIM keys may come flat beside "method" or inside "answers"."""
        if isinstance(data, dict) and "answers" not in data:
            own = {"method", "assessed_at", "corrects_id", "correction_reason"}
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
    correction_reason = fields.String(allow_none=True)
