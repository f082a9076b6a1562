"""A client's deliveries with their proof of delivery."""
from __future__ import annotations

from marshmallow import Schema, fields

from nutriplat.delivery.schemas.proofs import ProofViewSchema
from nutriplat.delivery.vocabulary import ORDER_STATUSES


class DeliveredLineSchema(Schema):
    variant_id = fields.Integer()
    dish = fields.String()
    storage_class = fields.String()
    quantity = fields.Integer(metadata={"description": "Units the client got (refused units not counted)."})


class ClientDeliverySchema(Schema):
    order_id = fields.Integer()
    delivery_date = fields.Date()
    status = fields.String(metadata={"description": ", ".join(ORDER_STATUSES)})
    origin = fields.String(metadata={"description": "How the order came about: reorder, extra, manual, backorder, "
                                                    "discharge or redelivery."})
    redelivery_of = fields.Integer(allow_none=True, metadata={
        "description": "A redelivery: the order that found nobody home (its note says the day)."})
    confirmed_at = fields.AwareDateTime(allow_none=True)
    note = fields.String(allow_none=True)
    lines = fields.List(fields.Nested(DeliveredLineSchema))
    proof = fields.Nested(ProofViewSchema, allow_none=True, metadata={"description": "Once the driver confirmed it."})
