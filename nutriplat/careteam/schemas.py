"""The API shape of care teams, alert routes and care alerts."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from nutriplat.careteam.domain import MEMBER_KINDS, RECIPIENT_KINDS
from nutriplat.schema_fields import StrictInteger


class MemberSchema(Schema):
    id = fields.Integer(dump_only=True)
    client_id = fields.Integer(dump_only=True)
    user_id = StrictInteger(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(MEMBER_KINDS))
    consent = fields.Boolean(required=True, load_only=True, validate=validate.Equal(
        True, error="The client's consent to tell this person of their alerts must be recorded."))
    name = fields.String(dump_only=True)
    consented = fields.Boolean(dump_only=True, metadata={"description": "False once the consent is withdrawn."})
    consent_given_at = fields.AwareDateTime(dump_only=True)
    consent_withdrawn_at = fields.AwareDateTime(dump_only=True, allow_none=True)


class RouteSchema(Schema):
    rule = fields.String(dump_only=True)
    recipients = fields.List(fields.String(validate=validate.OneOf(RECIPIENT_KINDS)), required=True,
                             metadata={"description": "Who is told: " + ", ".join(RECIPIENT_KINDS)})
    custom = fields.Boolean(dump_only=True, metadata={"description": "The provider's own route (else the default)."})


class ToldSchema(Schema):
    told_as = fields.String()
    name = fields.String()


class CareAlertSchema(Schema):
    id = fields.Integer()
    alert_id = fields.Integer()
    client_id = fields.Integer()
    client_name = fields.String()
    client_birth_date = fields.Date()
    rule = fields.String()
    severity = fields.String()
    cause = fields.String()
    status = fields.String(metadata={"description": "The alert's: open, acknowledged, resolved."})
    raised_on = fields.Date()
    acknowledged_at = fields.AwareDateTime(allow_none=True, metadata={
        "description": "The first acknowledgement by anyone told (or by the dietitian on the alert)."})
    acknowledged_by_name = fields.String(allow_none=True)
    told = fields.List(fields.Nested(ToldSchema))


class CareAlertQuerySchema(Schema):
    client_id = StrictInteger()
