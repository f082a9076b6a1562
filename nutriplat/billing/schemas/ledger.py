"""Referral schemes, licensed products, statements and healthcoins."""
from __future__ import annotations

from decimal import Decimal

from marshmallow import Schema, fields, validate

from nutriplat.billing.domain.coins import MAX_COINS_PER_ENTRY
from nutriplat.billing.schemas.fields import MonthField, percent, signed_money
from nutriplat.billing.vocabulary import COMMISSION_KINDS
from nutriplat.schema_fields import Money, StrictInteger

NAME = validate.Length(min=1, max=200)
COINS = validate.Range(min=1, max=MAX_COINS_PER_ENTRY)


class ReferralSchemeSchema(Schema):
    id = fields.Integer(dump_only=True)
    name = fields.String(required=True, validate=NAME)
    referrer_id = StrictInteger(allow_none=True,
                                metadata={"description": "None: every referrer without its own."})
    commission_kind = fields.String(required=True, validate=validate.OneOf(COMMISSION_KINDS))
    commission_amount = Money(allow_none=True, metadata={"description": "fixed: euros per new client."})
    commission_percentage = percent(allow_none=True, metadata={
        "description": "percentage: of the subscription (excl. VAT) of each of the first N months."})
    commission_months = StrictInteger(allow_none=True, validate=validate.Range(min=1, max=36))
    qualifying_days = StrictInteger(required=True, validate=validate.Range(min=0, max=730), metadata={
        "description": "Earned once the client stayed this long; clawed back if they leave sooner."})
    fund_id = StrictInteger(allow_none=True)
    fund_contribution = Money(load_default=Decimal("0.00"),
                              metadata={"description": "Euros to the fund per new client."})
    valid_from = fields.Date(required=True)
    valid_until = fields.Date(allow_none=True)


class LicensedProductSchema(Schema):
    id = fields.Integer(dump_only=True)
    dish_id = StrictInteger(required=True)
    fund_id = StrictInteger(required=True)
    royalty_per_unit = Money(required=True)
    valid_from = fields.Date(required=True)
    valid_until = fields.Date(allow_none=True)


class StatementQuerySchema(Schema):
    month = MonthField(required=True, metadata={"description": "YYYY-MM"})
    organisation_id = fields.Integer()


class _OrganisationSchema(Schema):
    id = fields.Integer()
    name = fields.String()
    type = fields.String()


class EntrySchema(Schema):
    id = fields.Integer()
    kind = fields.String()
    direction = fields.String(
        metadata={"description": "payable: the provider owes it; receivable: owed to it."})
    description = fields.String()
    quantity = fields.Integer(metadata={"description": "Clients or units the entry covers."})
    amount = signed_money()
    earned_on = fields.Date(allow_none=True)


class StatementSchema(Schema):
    organisation = fields.Nested(_OrganisationSchema)
    issuer = fields.Nested(_OrganisationSchema)
    month = fields.String()
    entries = fields.List(fields.Nested(EntrySchema))
    payable_total = signed_money()
    payable_earned = signed_money()
    receivable_total = signed_money()


class FundQuerySchema(Schema):
    month = MonthField(required=True, metadata={"description": "YYYY-MM"})  # always the caller's own fund


class FundPositionSchema(Schema):
    month = fields.String(metadata={"description": "YYYY-MM"})
    statements = fields.List(fields.Nested(StatementSchema), metadata={
        "description": "The month's contributions and royalties, one statement per provider."})
    contributions = signed_money(metadata={"description": "What the month brought the fund."})
    balance = signed_money(metadata={"description": "What the fund was owed to date: every month up to "
                                                    "and including this one."})


class CoinAwardSchema(Schema):
    coins = StrictInteger(required=True, validate=COINS)
    reason = fields.String(required=True, validate=validate.Length(min=1, max=300))
    caregiver_id = StrictInteger(metadata={"description": "Award the client's caregiver instead."})


class CoinRedemptionSchema(Schema):
    coins = StrictInteger(required=True, validate=COINS)
    caregiver_id = StrictInteger(
        metadata={"description": "Redeem this caregiver's coins (default: the client's)."})
    reason = fields.String(validate=validate.Length(max=300))


class CoinEntrySchema(Schema):
    id = fields.Integer()
    kind = fields.String()
    coins = fields.Integer()
    reason = fields.String()
    entered_on = fields.Date()
    value = signed_money(allow_none=True, metadata={"description": "Redemptions: the discount in euros."})
    applied = signed_money(allow_none=True, metadata={"description": "… of which invoices used so far."})


class _CaregiverBalanceSchema(Schema):
    caregiver_id = fields.Integer()
    balance = fields.Integer()


class CoinsSchema(Schema):
    client_id = fields.Integer()
    balance = fields.Integer()
    caregivers = fields.List(fields.Nested(_CaregiverBalanceSchema))
    entries = fields.List(fields.Nested(CoinEntrySchema))
    on_next_invoice = signed_money(metadata={"description": "Redeemed euros the next invoice sets off."})
    minimum = fields.Integer(metadata={"description": "The fewest coins one redemption takes."})
