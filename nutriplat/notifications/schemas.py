"""The API shape of a notification in one's inbox."""
from __future__ import annotations

from marshmallow import Schema, fields, validate


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


DELIVERY_STATUSES = ("pending", "retrying", "sent", "failed")


class DeliverySchema(Schema):
    """One external send (never the message: it may name a client)."""
    id = fields.Integer()
    notification_id = fields.Integer()
    recipient_id = fields.Integer()
    recipient_name = fields.String()
    channel = fields.String()
    address = fields.String()
    status = fields.String(metadata={"description": "pending, retrying (again at next_attempt_at), sent, "
                                                    "failed (for good, error says why)"})
    attempts = fields.Integer()
    next_attempt_at = fields.AwareDateTime(allow_none=True)
    sent_at = fields.AwareDateTime(allow_none=True)
    error = fields.String(allow_none=True, metadata={"description": "The provider's reason of the last failure."})


class DeliveryQuerySchema(Schema):
    status = fields.String(validate=validate.OneOf(DELIVERY_STATUSES))
