"""Subscriptions, their changes, and charges."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from nutriplat.billing.domain.timeline import CHANGE_KINDS
from nutriplat.billing.schemas.fields import MonthField
from nutriplat.billing.vocabulary import CHARGE_KINDS
from nutriplat.schema_fields import Money, StrictInteger, not_in_future_date


class RentalSchema(Schema):
    appliance = fields.String(required=True, validate=validate.Length(min=1, max=40),
                              metadata={"description": "A rental tariff's code, e.g. freezer."})
    quantity = StrictInteger(required=True, validate=validate.Range(min=1, max=5))


class ChangeSchema(Schema):
    id = fields.Integer(dump_only=True)
    effective_on = fields.Date(required=True, metadata={"description": "A future date schedules the change."})
    kind = fields.String(required=True, validate=validate.OneOf(CHANGE_KINDS))
    plan_id = StrictInteger(metadata={"description": "change_plan: the new plan."})
    appliance = fields.String(validate=validate.Length(min=1, max=40), metadata={"description": "set_rental"})
    quantity = StrictInteger(validate=validate.Range(min=0, max=5),
                             metadata={"description": "set_rental; 0 returns them"})
    reason = fields.String(validate=validate.Length(max=500))
    recorded_at = fields.AwareDateTime(dump_only=True)


class SubscriptionSchema(Schema):
    plan_id = StrictInteger(required=True)
    start_date = fields.Date(required=True)
    rentals = fields.List(fields.Nested(RentalSchema), validate=validate.Length(max=5))


class SubscriptionOutSchema(Schema):
    id = fields.Integer(attribute="subscription.id")
    client_id = fields.Integer(attribute="subscription.client_id")
    start_date = fields.Date(attribute="subscription.start_date")
    ends_on = fields.Date(attribute="subscription.ends_on", allow_none=True,
                          metadata={"description": "The first day no longer covered (cancellation)."})
    status = fields.String(metadata={"description": "Today: scheduled, active, paused or cancelled."})
    plan_id = fields.Integer(metadata={"description": "Today's plan."})
    rentals = fields.Dict(keys=fields.String(), values=fields.Integer(),
                          metadata={"description": "Today's appliances."})
    changes = fields.List(fields.Nested(ChangeSchema), attribute="subscription.changes")


class ChargeSchema(Schema):
    id = fields.Integer(dump_only=True)
    client_id = fields.Integer(dump_only=True)
    charged_on = fields.Date(required=True, validate=not_in_future_date)
    kind = fields.String(required=True, validate=validate.OneOf(CHARGE_KINDS))
    quantity = StrictInteger(required=True, validate=validate.Range(min=1, max=1000))
    variant_id = StrictInteger(metadata={"description": "Meals: the catalogue's dish variant."})
    dish_id = fields.Integer(dump_only=True)
    tariff_code = fields.String(load_only=True, validate=validate.Length(min=1, max=40),
                                metadata={"description": "Add-ons: the tariff's code."})
    unit_price = Money(metadata={"description": "Default: the catalogue or tariff price at the time. "
                                                "Another price is an admin's exception and needs price_reason."})
    price_reason = fields.String(validate=validate.Length(min=1, max=500), metadata={
        "description": "Why this charge departs from the price list (admins only, with unit_price)."})
    description = fields.String(validate=validate.Length(min=1, max=200))
    source_ref = fields.String(validate=validate.Length(max=100),
                               metadata={"description": "e.g. delivery:123"})
    idempotency_key = fields.String(validate=validate.Length(min=1, max=100), metadata={
        "description": "A retry with the same key records nothing new."})
    invoice_id = fields.Integer(dump_only=True, allow_none=True)


class ChargeQuerySchema(Schema):
    month = MonthField(metadata={"description": "YYYY-MM"})
