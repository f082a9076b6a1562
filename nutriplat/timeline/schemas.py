"""The shape of the client timeline in the API."""
from __future__ import annotations

from marshmallow import Schema, fields


class TimelineQuerySchema(Schema):
    from_ = fields.Date(data_key="from", attribute="from", metadata={"description": "First day (Brussels)"})
    to = fields.Date(metadata={"description": "Last day (Brussels); default today"})


class TimelineEntrySchema(Schema):
    kind = fields.String(metadata={"description": "screening, assessment, weight, intake, alert, "
                                                  "coaching_session, content_assigned, plan_change, delivery, "
                                                  "tray_refusal"})
    at = fields.DateTime()
    summary = fields.String()
    ref = fields.Dict(metadata={"description": "The ids and values of what the entry stands for"})
