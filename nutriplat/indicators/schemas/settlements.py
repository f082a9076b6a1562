"""Request and response shapes of settlement statements and indicator snapshots."""
from __future__ import annotations

from marshmallow import Schema, fields

from nutriplat.indicators.schemas import PERIOD


class SettlementRequestSchema(Schema):
    period = fields.String(required=True, metadata=PERIOD)


class SettlementSchema(Schema):
    id = fields.Integer()
    agreement_id = fields.Integer()
    period = fields.String()
    period_start = fields.Date()
    period_end = fields.Date()
    status = fields.String()
    issued_at = fields.AwareDateTime()
    total = fields.Decimal(as_string=True)
    indicators = fields.Function(lambda s: s.statement["indicators"])
    lines = fields.Function(lambda s: s.statement["lines"])
    audits = fields.Function(lambda s: s.statement.get("audits", []), metadata={
        "description": "The measurement audits of the period: agreement rate, sample, and whether payment held."})
    snapshot = fields.Dict()
    checksum = fields.String()
    version = fields.Integer(allow_none=True, metadata={"description": "The agreement version it settles under."})
    invoice = fields.Function(lambda s: None if s.invoice is None else {
        "id": s.invoice.id, "number": s.invoice.number, "document_type": s.invoice.document_type,
        "total": str(s.invoice.total)}, metadata={
        "description": "The provider's invoice (or credit note) to the cofinancer; null when it pays nothing."})


class VerificationSchema(Schema):
    settlement_id = fields.Integer()
    stored_total = fields.String()
    recomputed_total = fields.String()
    checksum_matches = fields.Boolean()
    terms_match = fields.Boolean(allow_none=True, metadata={
        "description": "The snapshot's terms are the accepted version's (their SHA-256); null before snapshots held "
                       "the terms."})
    matches = fields.Boolean()


class SnapshotSchema(Schema):
    period = fields.String()
    computed_at = fields.AwareDateTime()
    rows = fields.List(fields.Dict())
