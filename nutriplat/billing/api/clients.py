"""A client's billing: subscriptions and their changes, billing attributes, charges and
healthcoins. Cofinancers never reach these: they touch a person."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.billing import charges, healthcoins, segments, subscriptions
from nutriplat.billing.policy import POLICY
from nutriplat.billing.schemas import cofinancing as cs
from nutriplat.billing.schemas import ledger as ls
from nutriplat.billing.schemas import subscriptions as ss
from nutriplat.list_views import Page, paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("billing_clients", __name__, url_prefix="/api/v1",
                description="Billing per client: subscriptions, attributes, charges, healthcoins")
CLIENT = "/clients/<int:client_id>"


@blp.route(f"{CLIENT}/subscriptions")
class Subscriptions(MethodView):
    @roles_required(*POLICY.roles("list_subscriptions"))
    @blp.response(200, ss.SubscriptionOutSchema(many=True))
    @paginated(blp, Page)
    def get(self, client_id):
        """The client's subscriptions with status today and every change (caregivers: order mandate)"""
        return subscriptions.list_subscriptions(uow(), actor(), client_id)

    @roles_required(*POLICY.roles("create_subscription"))
    @blp.arguments(ss.SubscriptionSchema)
    @blp.response(201, ss.SubscriptionOutSchema)
    def post(self, body, client_id):
        """Subscribe the client to a plan (one subscription at a time)"""
        return subscriptions.create_subscription(uow(), actor(), client_id, body)


@blp.route("/subscriptions/<int:subscription_id>/changes")
class SubscriptionChanges(MethodView):
    @roles_required(*POLICY.roles("change_subscription"))
    @blp.arguments(ss.ChangeSchema)
    @blp.response(201, ss.SubscriptionOutSchema)
    def post(self, body, subscription_id):
        """Pause, resume, change plan, set a rental or cancel — now or scheduled"""
        return subscriptions.change_subscription(uow(), actor(), subscription_id, body)


@blp.route("/subscriptions/<int:subscription_id>/changes/<int:change_id>")
class SubscriptionChangeById(MethodView):
    @roles_required(*POLICY.roles("withdraw_change"))
    @blp.response(200, ss.SubscriptionOutSchema)
    def delete(self, subscription_id, change_id):
        """Withdraw a scheduled change that is not in force yet"""
        return subscriptions.withdraw_change(uow(), actor(), subscription_id, change_id)


@blp.route(f"{CLIENT}/billing-attributes")
class BillingAttributes(MethodView):
    @roles_required(*POLICY.roles("list_attributes"))
    @blp.response(200, cs.AttributeSchema(many=True))
    @paginated(blp, Page)
    def get(self, client_id):
        """Increased reimbursement, living alone, low income — with validity"""
        return segments.list_attributes(uow(), actor(), client_id)

    @roles_required(*POLICY.roles("add_attribute"))
    @blp.arguments(cs.AttributeSchema)
    @blp.response(201, cs.AttributeSchema)
    def post(self, body, client_id):
        """Record an attribute the client holds from a date"""
        return segments.add_attribute(uow(), actor(), client_id, body)


@blp.route(f"{CLIENT}/billing-attributes/<int:attribute_id>")
class BillingAttributeById(MethodView):
    @roles_required(*POLICY.roles("end_attribute"))
    @blp.arguments(cs.AttributeEndSchema)
    @blp.response(200, cs.AttributeSchema)
    def patch(self, body, client_id, attribute_id):
        """End an attribute (set its last day)"""
        return segments.end_attribute(uow(), actor(), client_id, attribute_id, body["valid_until"])


@blp.route(f"{CLIENT}/charges")
class Charges(MethodView):
    @roles_required(*POLICY.roles("list_charges"))
    @blp.arguments(ss.ChargeQuerySchema, location="query")
    @blp.response(200, ss.ChargeSchema(many=True))
    @paginated(blp, Page)
    def get(self, args, client_id):
        """Extra meals and add-ons, with the invoice that billed each"""
        return charges.list_charges(uow(), actor(), client_id, args.get("month"))

    @roles_required(*POLICY.roles("record_charge"))
    @blp.arguments(ss.ChargeSchema)
    @blp.response(201, ss.ChargeSchema)
    def post(self, body, client_id):
        """Record billable usage (idempotent on idempotency_key)"""
        return charges.record_charge(uow(), actor(), client_id, body)


@blp.route(f"{CLIENT}/healthcoins")
class Healthcoins(MethodView):
    @roles_required(*POLICY.roles("coin_ledger"))
    @blp.response(200, ls.CoinsSchema)
    def get(self, client_id):
        """Balances (client, caregivers) and entries"""
        return healthcoins.ledger(uow(), actor(), client_id)


@blp.route(f"{CLIENT}/healthcoins/awards")
class CoinAwards(MethodView):
    @roles_required(*POLICY.roles("award_coins"))
    @blp.arguments(ls.CoinAwardSchema)
    @blp.response(201, ls.CoinEntrySchema)
    def post(self, body, client_id):
        """Award coins with a reason, to the client or a mandated caregiver"""
        return healthcoins.award(uow(), actor(), client_id, body)


@blp.route(f"{CLIENT}/healthcoins/redemptions")
class CoinRedemptions(MethodView):
    @roles_required(*POLICY.roles("redeem_coins"))
    @blp.arguments(ls.CoinRedemptionSchema)
    @blp.response(201, ls.CoinEntrySchema)
    def post(self, body, client_id):
        """Redeem coins as a discount on the next invoice (never above the balance)"""
        return healthcoins.redeem(uow(), actor(), client_id, body)
