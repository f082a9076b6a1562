"""The portal's API shapes: invitations, the account a code opens, messages, the week."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from nutriplat.schema_fields import text


class InvitationSchema(Schema):
    id = fields.Integer(dump_only=True)
    client_id = fields.Integer(dump_only=True)
    code = fields.String(dump_only=True, metadata={"description": "Shown once, in this answer only."})
    expires_at = fields.AwareDateTime(dump_only=True)


class RedeemSchema(Schema):
    code = fields.String(required=True, validate=validate.Length(min=1, max=40))
    username = fields.String(required=True, validate=validate.Length(min=3, max=80))
    password = fields.String(required=True, load_only=True, validate=validate.Length(max=256))
    display_name = text(200, allow_none=True)


class ClientAccountSchema(Schema):
    id = fields.Integer()
    username = fields.String()
    role = fields.String()
    client_id = fields.Integer()


class MessageSchema(Schema):
    id = fields.Integer(dump_only=True)
    client_id = fields.Integer(dump_only=True)
    sender_id = fields.Integer(dump_only=True, allow_none=True)
    from_client_side = fields.Boolean(dump_only=True)
    body = fields.String(required=True, validate=validate.Length(min=1, max=2000))
    sent_at = fields.AwareDateTime(dump_only=True)
    read_at = fields.AwareDateTime(dump_only=True, allow_none=True)


class UnreadSchema(Schema):
    client_id = fields.Integer()
    name = fields.String()
    count = fields.Integer()


class TextureLevelSchema(Schema):
    axis = fields.String()
    level = fields.String()
    colour = fields.String()
    text_colour = fields.String()


class PortalMealSchema(Schema):
    slot = fields.String()
    portions = fields.Float()
    variant_id = fields.Integer()
    name = fields.String()
    course = fields.String()
    texture = fields.Nested(TextureLevelSchema)
    allergens = fields.List(fields.String())
    reheating = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), metadata={
        "description": "Steps per appliance: oven, microwave, bain_marie, regeneration_trolley; "
                       "empty when the dish is served cold."})


class PortalDaySchema(Schema):
    date = fields.Date()
    is_today = fields.Boolean()
    meals = fields.List(fields.Nested(PortalMealSchema))


class PortalWeekSchema(Schema):
    client_id = fields.Integer()
    week_start = fields.Date()
    plan_id = fields.Integer(allow_none=True)
    days = fields.List(fields.Nested(PortalDaySchema))
