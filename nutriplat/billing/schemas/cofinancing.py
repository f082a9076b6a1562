"""Segments, client billing attributes, agreements, voucher programmes and vouchers."""
from __future__ import annotations

from decimal import Decimal

from marshmallow import Schema, ValidationError, fields, validate

from nutriplat.billing.schemas.prices import CODE
from nutriplat.billing.vocabulary import CLIENT_ATTRIBUTES, SHARE_KINDS
from nutriplat.schema_fields import Money, StrictInteger

NAME = validate.Length(min=1, max=200)


def _distinct(values: list[str]) -> None:
    if len(set(values)) != len(values):
        raise ValidationError("Must not contain duplicates.")


class SegmentSchema(Schema):
    id = fields.Integer(dump_only=True)
    code = fields.String(required=True, validate=CODE)
    name = fields.String(required=True, validate=NAME)
    attributes = fields.List(fields.String(validate=validate.OneOf(CLIENT_ATTRIBUTES)), required=True,
                             validate=[validate.Length(min=1), _distinct],
                             metadata={"description": "A client is a member when holding all of them."})


class AttributeSchema(Schema):
    id = fields.Integer(dump_only=True)
    attribute = fields.String(required=True, validate=validate.OneOf(CLIENT_ATTRIBUTES))
    valid_from = fields.Date(required=True)
    valid_until = fields.Date(allow_none=True,
                              metadata={"description": "Inclusive; none: until further notice."})
    note = fields.String(allow_none=True, validate=validate.Length(max=500))
    recorded_at = fields.AwareDateTime(dump_only=True)


class AttributeEndSchema(Schema):
    valid_until = fields.Date(required=True)


class _Funded(Schema):
    id = fields.Integer(dump_only=True)
    cofinancer_id = StrictInteger(required=True)
    segment_id = StrictInteger(required=True)
    name = fields.String(required=True, validate=NAME)
    valid_from = fields.Date(required=True)


class AgreementSchema(_Funded):
    share_kind = fields.String(required=True, validate=validate.OneOf(SHARE_KINDS))
    share_value = Money(required=True, metadata={
        "description": "percentage: percent of the subscription incl. VAT; fixed: euros per client-month."})
    valid_until = fields.Date(allow_none=True)


class ProgrammeSchema(_Funded):
    voucher_value = Money(required=True, positive=True, maximum=Decimal(10000))
    valid_until = fields.Date(required=True)
    budget_cap = Money(required=True, positive=True, maximum=Decimal(10_000_000))


class BudgetSchema(Schema):
    """A voucher programme's budget, as its cofinancer sees it: no people."""
    id = fields.Integer(attribute="programme.id")
    name = fields.String(attribute="programme.name")
    cofinancer_id = fields.Integer(attribute="programme.cofinancer_id")
    segment_id = fields.Integer(attribute="programme.segment_id")
    voucher_value = Money(attribute="programme.voucher_value")
    valid_from = fields.Date(attribute="programme.valid_from")
    valid_until = fields.Date(attribute="programme.valid_until")
    budget_cap = Money(attribute="programme.budget_cap")
    committed = Money(attribute="programme.committed",
                      metadata={"description": "Value of the vouchers issued."})
    redeemed = Money(attribute="programme.redeemed", metadata={"description": "Used on invoices so far."})
    remaining = Money()
    vouchers_issued = fields.Integer()
    vouchers_redeemed = fields.Integer()


class VoucherSchema(Schema):
    id = fields.Integer(dump_only=True)
    programme_id = fields.Integer(dump_only=True)
    client_id = StrictInteger(required=True)
    value = Money(dump_only=True)
    valid_from = fields.Date(metadata={"description": "Default: today (or the programme's start)."})
    valid_until = fields.Date(metadata={"description": "Default: the programme's end."})
    issued_on = fields.Date(dump_only=True)
    redeemed_amount = Money(dump_only=True, allow_none=True)
    invoice_id = fields.Integer(dump_only=True, allow_none=True)
