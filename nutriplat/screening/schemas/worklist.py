"""The API shape of the re-screening work list and the suggested instrument."""
from __future__ import annotations

from marshmallow import Schema, fields


class DueQuerySchema(Schema):
    before = fields.Date(required=True)


class DueEntrySchema(Schema):
    client_id = fields.Integer(attribute="client.id")
    given_name = fields.String(attribute="client.given_name")
    family_name = fields.String(attribute="client.family_name")
    care_setting = fields.String(attribute="client.care_setting")
    next_due = fields.Date(allow_none=True, metadata={"description": "Null: never screened."})
    # Never-screened clients have no last screening: these are then null, not absent.
    last_instrument = fields.Function(lambda e: e.last and e.last.instrument, allow_none=True)
    last_risk = fields.Function(lambda e: e.last and e.last.risk, allow_none=True)
    last_performed_on = fields.Function(
        lambda e: e.last and e.last.performed_on.isoformat(), allow_none=True)


class AlsoSuggestedSchema(Schema):
    instrument = fields.String()
    reason = fields.String()


class SuggestionSchema(Schema):
    instrument = fields.String()
    reason = fields.String()
    also = fields.List(fields.Nested(AlsoSuggestedSchema))
    allowed = fields.List(fields.String(), metadata={"description": "Every instrument stays allowed."})
