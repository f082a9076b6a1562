"""The shapes of the library and of its assignments in the API."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from nutriplat.content.vocabulary import KINDS, LANGUAGES, TOPICS
from nutriplat.schema_fields import StrictInteger, not_in_future_date, text


class ContentItemSchema(Schema):
    id = fields.Integer(dump_only=True)
    key = fields.String(required=True, validate=[validate.Length(min=1, max=80),
                                                 validate.Regexp(r"^[a-z0-9][a-z0-9-]*$")],
                        metadata={"description": "Shared by the language versions of one item"})
    kind = fields.String(required=True, validate=validate.OneOf(KINDS))
    topic = fields.String(required=True, validate=validate.OneOf(TOPICS))
    lang = fields.String(required=True, validate=validate.OneOf(LANGUAGES))
    title = fields.String(required=True, validate=validate.Length(min=1, max=200))
    summary = text(500, allow_none=True)
    body = fields.String(allow_none=True, validate=validate.Length(max=20_000), load_only=False,
                         metadata={"description": "The text (Markdown) of an article or a leaflet"})
    url = fields.Url(allow_none=True, validate=validate.Length(max=500),
                     metadata={"description": "The video's link, or the leaflet's printable PDF"})
    author = fields.String(required=True, validate=validate.Length(min=1, max=200))
    reviewed_on = fields.Date(required=True, validate=not_in_future_date)


class ContentItemPatchSchema(ContentItemSchema):
    """Any field of an item (used with partial=True)."""


class ContentItemQuerySchema(Schema):
    lang = fields.String(validate=validate.OneOf(LANGUAGES))
    topic = fields.String(validate=validate.OneOf(TOPICS))
    kind = fields.String(validate=validate.OneOf(KINDS))


class AssignedItemSchema(Schema):
    id = fields.Integer()
    key = fields.String()
    kind = fields.String()
    topic = fields.String()
    lang = fields.String()
    title = fields.String()
    url = fields.String(allow_none=True)


class ContentAssignmentSchema(Schema):
    id = fields.Integer(dump_only=True)
    client_id = fields.Integer(dump_only=True)
    content_item_id = StrictInteger(required=True, validate=validate.Range(min=1, max=2**31 - 1))
    caregiver_id = StrictInteger(allow_none=True, validate=validate.Range(min=1, max=2**31 - 1),
                                 metadata={"description": "For one caregiver; none: for the client"})
    note = text(500, allow_none=True)
    item = fields.Nested(AssignedItemSchema, dump_only=True)
    assigned_by = fields.Integer(dump_only=True, allow_none=True)
    rule = fields.String(dump_only=True, allow_none=True,
                         metadata={"description": "The rule that assigned it (eat_10, iddsi_level)"})
    assigned_at = fields.DateTime(dump_only=True)
    read_at = fields.DateTime(dump_only=True, allow_none=True)
    read_by = fields.Integer(dump_only=True, allow_none=True)
