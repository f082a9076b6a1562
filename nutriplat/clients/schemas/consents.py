from marshmallow import Schema, ValidationError, fields, validate

from nutriplat.clients import vocabulary as v
from nutriplat.schema_fields import StrictInteger, text


def _distinct_scopes(scopes: list[str]) -> None:
    if len(set(scopes)) != len(scopes):
        raise ValidationError("Must not contain duplicates.")


class MandateSchema(Schema):
    id = fields.Integer(dump_only=True)
    client_id = fields.Integer(dump_only=True)
    caregiver_id = StrictInteger(required=True)
    scopes = fields.List(
        fields.String(validate=validate.OneOf(v.MANDATE_SCOPES)), required=True,
        validate=[validate.Length(min=1, max=len(v.MANDATE_SCOPES)), _distinct_scopes])
    relationship_to_client = text(100, allow_none=True)
    given_at = fields.AwareDateTime(dump_only=True)
    withdrawn_at = fields.AwareDateTime(dump_only=True, allow_none=True)


class ConsentSchema(Schema):
    id = fields.Integer(dump_only=True)
    client_id = fields.Integer(dump_only=True)
    purpose = fields.String(required=True, validate=validate.OneOf(v.CONSENT_PURPOSES))
    given_at = fields.AwareDateTime(dump_only=True)
    withdrawn_at = fields.AwareDateTime(dump_only=True, allow_none=True)
