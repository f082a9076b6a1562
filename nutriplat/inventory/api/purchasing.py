"""/reorder-rules and /purchase-orders."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.inventory.policy import POLICY
from nutriplat.inventory.purchasing import orders, receiving, rules
from nutriplat.inventory.schemas.purchasing import (
    ProposalChangeSchema, PurchaseOrderQuerySchema, PurchaseOrderSchema, ReceiptSchema, ReorderRuleSchema,
    ReorderRuleUpdateSchema, RuleQuerySchema,
)
from nutriplat.list_views import Page, paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("purchasing", __name__, url_prefix="/api/v1", description="Reorder rules and purchase orders")


@blp.route("/reorder-rules")
class Rules(MethodView):
    @roles_required(*POLICY.roles("list_rules"))
    @blp.arguments(RuleQuerySchema, location="query")
    @blp.response(200, ReorderRuleSchema(many=True))
    @paginated(blp, Page)
    def get(self, filters):
        """Min/max rules per product and warehouse"""
        return rules.list_rules(uow(), actor(), filters)

    @roles_required(*POLICY.roles("create_rule"))
    @blp.arguments(ReorderRuleSchema)
    @blp.response(201, ReorderRuleSchema)
    def post(self, body):
        """A rule for a product (any version of the variant) at a warehouse"""
        return rules.create_rule(uow(), actor(), body)


@blp.route("/reorder-rules/<int:rule_id>")
class RuleById(MethodView):
    @roles_required(*POLICY.roles("update_rule"))
    @blp.arguments(ReorderRuleUpdateSchema)
    @blp.response(200, ReorderRuleSchema)
    def patch(self, body, rule_id):
        """Change a rule's settings, or switch it off"""
        return rules.update_rule(uow(), actor(), rule_id, body)


@blp.route("/purchase-orders")
class PurchaseOrders(MethodView):
    @roles_required(*POLICY.roles("list_purchase_orders"))
    @blp.arguments(PurchaseOrderQuerySchema, location="query")
    @blp.response(200, PurchaseOrderSchema(many=True))
    @paginated(blp)
    def get(self, filters, pagination_parameters):
        """Purchase orders, newest first"""
        found, pagination_parameters.item_count = orders.list_orders(
            uow(), actor(), filters, pagination_parameters.page, pagination_parameters.page_size)
        return found

    @roles_required(*POLICY.roles("create_purchase_order"))
    @blp.arguments(PurchaseOrderSchema)
    @blp.response(201, PurchaseOrderSchema)
    def post(self, body):
        """A purchase order by hand (a proposal, to approve)"""
        return orders.create_order(uow(), actor(), body)


@blp.route("/purchase-orders/<int:order_id>")
class PurchaseOrderById(MethodView):
    @roles_required(*POLICY.roles("get_purchase_order"))
    @blp.response(200, PurchaseOrderSchema)
    def get(self, order_id):
        """One purchase order"""
        return orders.get_order(uow(), actor(), order_id)

    @roles_required(*POLICY.roles("change_proposal"))
    @blp.arguments(ProposalChangeSchema)
    @blp.response(200, PurchaseOrderSchema)
    def patch(self, body, order_id):
        """Change a proposal's quantities (0 removes a line) before approving it"""
        return orders.change_proposal(uow(), actor(), order_id, body)


def _transition(action: str, doc: str) -> type[MethodView]:
    class Transition(MethodView):
        @roles_required(*POLICY.roles("transition"))
        @blp.response(200, PurchaseOrderSchema)
        def post(self, order_id):
            return orders.transition(uow(), actor(), order_id, action)

    Transition.post.__doc__ = doc
    Transition.__name__ = f"PurchaseOrder{action.capitalize()}"
    return Transition


blp.route("/purchase-orders/<int:order_id>/approve")(_transition("approve", "Approve a proposal"))
blp.route("/purchase-orders/<int:order_id>/send")(_transition("send", "Mark an approved order sent to the supplier"))
blp.route("/purchase-orders/<int:order_id>/cancel")(_transition("cancel", "Cancel an order not received yet"))


@blp.route("/purchase-orders/<int:order_id>/receipts")
class Receipts(MethodView):
    @roles_required(*POLICY.roles("receive"))
    @blp.arguments(ReceiptSchema)
    @blp.response(200, PurchaseOrderSchema)
    def post(self, body, order_id):
        """Receive (part of) a sent order, with its lots; more than outstanding only with accept_over_receipt"""
        return receiving.receive(uow(), actor(), order_id, body)
