"""The API shape of catalogue changes awaiting a second admin's approval."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from nutriplat.catalogue.approvals import KINDS, STATUSES


class CatalogueChangeSchema(Schema):
    id = fields.Integer()
    dish_id = fields.Integer()
    kind = fields.String(validate=validate.OneOf(KINDS), metadata={
        "description": "revise_variant (an allergen change) or add_variant (a texture newly offered)."})
    variant_id = fields.Integer(allow_none=True, metadata={
        "description": "The version a revision was proposed for."})
    changes = fields.Dict(metadata={"description": "The proposed body, as sent."})
    status = fields.String(validate=validate.OneOf(STATUSES))
    proposed_by = fields.Integer(allow_none=True)
    proposed_by_name = fields.String()
    proposed_at = fields.AwareDateTime()
    decided_by = fields.Integer(allow_none=True)
    decided_by_name = fields.String(allow_none=True)
    decided_at = fields.AwareDateTime(allow_none=True)
    note = fields.String(allow_none=True)
    result_variant_id = fields.Integer(allow_none=True, metadata={
        "description": "The variant version the approval wrote."})


class ChangeQuerySchema(Schema):
    status = fields.String(validate=validate.OneOf(STATUSES))


class RejectionSchema(Schema):
    note = fields.String(validate=validate.Length(min=1, max=500), metadata={"description": "Why not."})
