"""/clients/{id}/extra-orders and /clients/{id}/skipped-deliveries: the client's side orders."""
from __future__ import annotations

from datetime import date

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.clock import business_today
from nutriplat.delivery import extra_orders, skips
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.schemas.extra_orders import ExtraOrderSchema, SkippedSchema, SkipSchema, SkipUndoneSchema
from nutriplat.delivery.schemas.orders import DeliveryOrderSchema
from nutriplat.errors import InvalidInput
from nutriplat.list_views import Page, paginated
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
        """Skip a delivery day before its cut-off; the nightly reorder leaves it out (a caregiver needs 'order')"""
        return skips.skip_delivery(uow(), actor(), client_id, body["delivery_date"], body.get("reason"))

    @roles_required(*POLICY.roles("list_skips"))
    @blp.response(200, SkippedSchema(many=True))
    @paginated(blp, Page)  # one client's coming skipped days: short by nature
    def get(self, client_id):
        """The client's skipped delivery days from today on"""
        return skips.list_skips(uow(), actor(), client_id, business_today())


@blp.route("/skipped-deliveries/<day>")
class SkippedDelivery(MethodView):
    @roles_required(*POLICY.roles("skip_delivery"))
    @blp.response(200, SkipUndoneSchema)
    @blp.alt_response(409, response="DEFAULT_ERROR")
    def delete(self, client_id, day):
        """Undo a skip before the cut-off (the day as YYYY-MM-DD): the orders it cancelled are planned again"""
        try:
            delivery_date = date.fromisoformat(day)
        except ValueError:
            raise InvalidInput("Not a day.", {"delivery_date": ["Not a date (YYYY-MM-DD)."]}) from None
        restored = skips.undo_skip(uow(), actor(), client_id, delivery_date)
        return {"delivery_date": delivery_date, "restored_order_ids": restored}
