"""Plans, tariffs and rates."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from nutriplat.billing.rates import DEFAULTS
from nutriplat.billing.vocabulary import TARIFF_KINDS
from nutriplat.schema_fields import Money, StrictInteger

CODE = validate.Regexp(r"^[a-z0-9][a-z0-9_-]{0,39}$", error="Lowercase letters, digits, - and _; at most 40.")
FIRST_OF_MONTH = {"description": "The first day of the first month the version applies to."}


class BillingPlanVersionSchema(Schema):
    id = fields.Integer(dump_only=True)
    effective_from = fields.Date(required=True, metadata=FIRST_OF_MONTH)
    meals_per_week = StrictInteger(required=True, validate=validate.Range(min=0, max=42))
    package_price = Money(required=True, metadata={"description": "Euros a month, excluding VAT."})
    information_platform_price = Money(required=True)
    coaching_tool_price = Money(required=True)
    created_at = fields.AwareDateTime(dump_only=True)


class BillingPlanSchema(Schema):
    id = fields.Integer(dump_only=True)
    code = fields.String(required=True, validate=CODE)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    version = fields.Nested(BillingPlanVersionSchema, required=True, load_only=True,
                            metadata={"description": "The plan's first version."})
    versions = fields.List(fields.Nested(BillingPlanVersionSchema), dump_only=True)


class TariffPriceSchema(Schema):
    id = fields.Integer(dump_only=True)
    effective_from = fields.Date(required=True, metadata=FIRST_OF_MONTH)
    unit_price = Money(required=True, metadata={
        "description": "Euros excluding VAT: a month per appliance (rental), or per unit (add-on)."})
    created_at = fields.AwareDateTime(dump_only=True)


class TariffSchema(Schema):
    id = fields.Integer(dump_only=True)
    code = fields.String(required=True, validate=CODE, metadata={"description": "e.g. freezer"})
    kind = fields.String(required=True, validate=validate.OneOf(TARIFF_KINDS))
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    price = fields.Nested(TariffPriceSchema, required=True, load_only=True)
    versions = fields.List(fields.Nested(TariffPriceSchema), dump_only=True)


class RateSchema(Schema):
    key = fields.String(required=True, validate=validate.OneOf(tuple(DEFAULTS)))
    value = Money(required=True, places=4, metadata={
        "description": "VAT: percent (21.00); healthcoin.euro_per_coin: euros per coin."})
    effective_from = fields.Date(required=True, load_only=True, metadata=FIRST_OF_MONTH)
    default = Money(places=4, dump_only=True)


class RateQuerySchema(Schema):
    on = fields.Date(metadata={"description": "Rates in force on this date (default: today)."})
