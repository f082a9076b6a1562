"""The shapes of coaching sessions and of the action plan in the API."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from nutriplat.coaching.vocabulary import MODES, OWNERS, STATUSES
from nutriplat.schema_fields import text


class ActionSchema(Schema):
    id = fields.Integer(dump_only=True)
    session_id = fields.Integer(dump_only=True)
    text = fields.String(required=True, validate=validate.Length(min=1, max=500))
    owner = fields.String(required=True, validate=validate.OneOf(OWNERS))
    due_on = fields.Date(required=True)
    done_at = fields.DateTime(dump_only=True, allow_none=True)
    done_by = fields.Integer(dump_only=True, allow_none=True)


class SessionNotesSchema(Schema):
    """What a session held brings: its notes in SOAP form and the actions agreed."""
    subjective = text(4000, allow_none=True)
    objective = text(4000, allow_none=True)
    assessment = text(4000, allow_none=True)
    plan = text(4000, allow_none=True)
    actions = fields.List(fields.Nested(ActionSchema), load_default=list,
                          metadata={"description": "The actions agreed: text, owner, due_on"})


class CoachingSessionSchema(SessionNotesSchema):
    id = fields.Integer(dump_only=True)
    client_id = fields.Integer(dump_only=True)
    status = fields.String(dump_only=True, validate=validate.OneOf(STATUSES))
    mode = fields.String(required=True, validate=validate.OneOf(MODES))
    held_at = fields.AwareDateTime(allow_none=True, metadata={"description": "When it was held (a session held)"})
    planned_for = fields.AwareDateTime(allow_none=True, metadata={"description": "When it will be (a session planned)"})
    coach_id = fields.Integer(dump_only=True, allow_none=True)
    created_at = fields.DateTime(dump_only=True)


class HoldSessionSchema(SessionNotesSchema):
    held_at = fields.AwareDateTime(required=True)
    mode = fields.String(validate=validate.OneOf(MODES))
