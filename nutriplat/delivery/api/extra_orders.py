"""/clients/{id}/extra-orders and /clients/{id}/skipped-deliveries: the client's side orders."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.delivery import extra_orders
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.schemas.extra_orders import ExtraOrderSchema, SkippedSchema, SkipSchema
from nutriplat.delivery.schemas.orders import DeliveryOrderSchema
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("extra_orders", __name__, url_prefix="/api/v1/clients/<int:client_id>",
                description="Extra and skipped deliveries, ordered by the client or a mandated caregiver")


@blp.route("/extra-orders")
class ExtraOrders(MethodView):
    @roles_required(*POLICY.roles("create_extra_order"))
    @blp.arguments(ExtraOrderSchema)
    @blp.response(201, DeliveryOrderSchema)
    @blp.alt_response(409, response="DEFAULT_ERROR")
    def post(self, body, client_id):
        """Extra meals on a delivery day before its cut-off (a caregiver needs the 'order' mandate)"""
        return extra_orders.create_extra_order(uow(), actor(), client_id, body)


@blp.route("/skipped-deliveries")
class SkippedDeliveries(MethodView):
    @roles_required(*POLICY.roles("skip_delivery"))
    @blp.arguments(SkipSchema)
    @blp.response(201, SkippedSchema)
    @blp.alt_response(409, response="DEFAULT_ERROR")
    def post(self, body, client_id):
        """Skip the planned delivery of a day before its cut-off (a caregiver needs the 'order' mandate)"""
        cancelled = extra_orders.skip_delivery(uow(), actor(), client_id, body["delivery_date"])
        return {"delivery_date": body["delivery_date"], "cancelled_order_ids": cancelled}
