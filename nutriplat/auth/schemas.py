from marshmallow import Schema, fields, validate

from nutriplat.auth import roles
from nutriplat.auth.passwords import MIN_PASSWORD_LENGTH


class TokenRequestSchema(Schema):
    username = fields.String(required=True, validate=validate.Length(min=1, max=80))
    password = fields.String(required=True, load_only=True, validate=validate.Length(min=1, max=256))


class TokenSchema(Schema):
    access_token = fields.String()
    token_type = fields.Constant("bearer")
    expires_at = fields.AwareDateTime()


class OrganisationSchema(Schema):
    id = fields.Integer(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    type = fields.String(required=True, validate=validate.OneOf(roles.ORGANISATION_TYPES))
    created_at = fields.AwareDateTime(dump_only=True)


class UserSchema(Schema):
    id = fields.Integer(dump_only=True)
    username = fields.String(
        required=True,
        validate=[validate.Length(min=3, max=80), validate.Regexp(r"^[A-Za-z0-9._@-]+$")],
    )
    display_name = fields.String(allow_none=True, validate=validate.Length(max=200))
    password = fields.String(required=True, load_only=True,
                             validate=validate.Length(min=MIN_PASSWORD_LENGTH, max=256))
    role = fields.String(required=True, validate=validate.OneOf(roles.ROLES))
    organisation = fields.String(
        load_only=True, allow_none=True, validate=validate.Length(max=200),
        metadata={"description": "Name of the user's organisation."},
    )
    organisation_id = fields.Integer(dump_only=True, allow_none=True)
    is_active = fields.Boolean(dump_only=True)


class AuditQuerySchema(Schema):
    user_id = fields.Integer()
    client_id = fields.Integer()
    action = fields.String(validate=validate.Length(max=20))
    resource = fields.String(validate=validate.Length(max=40))
    since = fields.AwareDateTime()
    until = fields.AwareDateTime()


class AuditEntrySchema(Schema):
    id = fields.Integer()
    at = fields.AwareDateTime()
    user_id = fields.Integer(allow_none=True)
    username = fields.String(allow_none=True)
    role = fields.String(allow_none=True)
    organisation_id = fields.Integer(allow_none=True)
    action = fields.String()
    resource = fields.String()
    resource_id = fields.String(allow_none=True)
    client_id = fields.Integer(allow_none=True)
    ip = fields.String(allow_none=True)
    purpose = fields.String(allow_none=True)
    detail = fields.Dict(allow_none=True)
