"""The API shape of a notification in one's inbox."""
from __future__ import annotations

from marshmallow import Schema, fields


class NotificationSchema(Schema):
    id = fields.Integer(dump_only=True)
    kind = fields.String(dump_only=True, metadata={"description": "What it is about (care_alert, ...)."})
    subject = fields.String(dump_only=True)
    body = fields.String(dump_only=True)
    link = fields.String(dump_only=True, allow_none=True)
    client_id = fields.Integer(dump_only=True, allow_none=True)
    data = fields.Dict(dump_only=True)
    created_at = fields.AwareDateTime(dump_only=True)
    read_at = fields.AwareDateTime(dump_only=True, allow_none=True)
    acknowledged_at = fields.AwareDateTime(dump_only=True, allow_none=True, metadata={
        "description": "When anyone told of the same matter acknowledged it."})
    acknowledged_by_name = fields.String(dump_only=True, allow_none=True)


class NotificationQuerySchema(Schema):
    unread = fields.Boolean(load_default=False)
    kind = fields.String()
