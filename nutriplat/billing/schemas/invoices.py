"""Invoices and credit notes: the exact interface of issue 7, plus the VAT breakdown."""
from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields, validate

from nutriplat.billing.schemas.fields import MonthField, signed_money
from nutriplat.billing.vocabulary import INVOICE_STATUSES
from nutriplat.schema_fields import Money, StrictInteger


class InvoiceLineSchema(Schema):
    id = fields.Integer()
    kind = fields.String()
    description = fields.String()
    quantity = fields.Decimal(as_string=True, metadata={"type": "string", "format": "decimal",
        "description": "Units; monthly items: appliances × billed days ÷ days in the month (4 decimals)."})
    unit_price = signed_money(metadata={
        "description": "Euros excluding VAT; for monthly items the monthly price."})
    vat_rate = Money(dump_only=True, metadata={"description": "Percent."})
    amount = signed_money(metadata={"description": "Euros excluding VAT, rounded half up once."})
    credits_line_id = fields.Integer(allow_none=True)


class VatGroupSchema(Schema):
    rate = fields.String()
    base = fields.String()
    vat = fields.String()


class InvoiceSchema(Schema):
    id = fields.Integer()
    number = fields.String()
    document_type = fields.String(metadata={"description": "invoice or credit_note"})
    payer = fields.Method("_payer", metadata={
        "description": '{"type": "client" | "organisation", "id", "name"}'})
    month = fields.String()
    status = fields.String()
    issued_on = fields.Date()
    lines = fields.List(fields.Nested(InvoiceLineSchema))
    subtotal = signed_money(metadata={"description": "Sum of the line amounts."})
    vat = fields.List(fields.Nested(VatGroupSchema), attribute="vat_breakdown",
                      metadata={"description": "VAT per rate, rounded once per rate."})
    vat_total = signed_money()
    total = signed_money(metadata={"description": "subtotal + vat_total: what this payer owes."})
    gross = signed_money(metadata={"description": "The month before third parties' payments."})
    corrects_id = fields.Integer(allow_none=True,
                                 metadata={"description": "Credit notes: the invoice corrected."})
    reason = fields.String(allow_none=True)

    def _payer(self, invoice: Any) -> dict[str, Any]:
        client = invoice.payer_type == "client"
        payer_id = invoice.payer_client_id if client else invoice.payer_organisation_id
        return {"type": invoice.payer_type, "id": payer_id, "name": invoice.payer_name}


class InvoiceQuerySchema(Schema):
    month = MonthField(metadata={"description": "YYYY-MM"})
    client_id = fields.Integer()
    document_type = fields.String(validate=validate.OneOf(("invoice", "credit_note")))
    status = fields.String(validate=validate.OneOf(INVOICE_STATUSES))
    payer_type = fields.String(validate=validate.OneOf(("client", "organisation")))


class CreditLineSchema(Schema):
    line_id = StrictInteger(required=True)
    amount = Money(positive=True, metadata={"description": "Default: all that is left of the line."})


class CreditNoteRequestSchema(Schema):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=500))
    lines = fields.List(fields.Nested(CreditLineSchema), validate=validate.Length(min=1, max=200),
                        metadata={"description": "Default: every line, in full."})


class InvoiceStatusSchema(Schema):
    to_status = fields.String(required=True, validate=validate.OneOf(("sent", "paid")))
