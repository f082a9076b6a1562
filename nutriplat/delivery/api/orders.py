"""/delivery-orders: the day's orders, by hand, picking, cancelling."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.delivery import fulfil, orders
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.schemas.orders import CancelSchema, DeliveryOrderQuerySchema, DeliveryOrderSchema, PickSchema
from nutriplat.list_views import paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("delivery_orders", __name__, url_prefix="/api/v1/delivery-orders",
                description="Delivery orders to clients' homes")


@blp.route("")
class DeliveryOrders(MethodView):
    @roles_required(*POLICY.roles("list_orders"))
    @blp.arguments(DeliveryOrderQuerySchema, location="query")
    @blp.response(200, DeliveryOrderSchema(many=True))
    @paginated(blp)
    def get(self, filters, pagination_parameters):
        """The day's delivery orders (?date=YYYY-MM-DD), or a client's (?client_id=)"""
        found, pagination_parameters.item_count = orders.list_orders(
            uow(), actor(), filters, pagination_parameters.page, pagination_parameters.page_size)
        return found

    @roles_required(*POLICY.roles("create_order"))
    @blp.arguments(DeliveryOrderSchema)
    @blp.response(201, DeliveryOrderSchema)
    def post(self, body):
        """An order by hand (checked for texture and allergens as automatic ones are)"""
        return orders.create_order(uow(), actor(), body)


@blp.route("/<int:order_id>")
class DeliveryOrderById(MethodView):
    @roles_required(*POLICY.roles("get_order"))
    @blp.response(200, DeliveryOrderSchema)
    def get(self, order_id):
        """One delivery order"""
        return orders.get_order(uow(), actor(), order_id)


@blp.route("/<int:order_id>/pick")
class Pick(MethodView):
    @roles_required(*POLICY.roles("pick_order"))
    @blp.arguments(PickSchema)
    @blp.response(200, DeliveryOrderSchema)
    def post(self, body, order_id):
        """Pick onto a vehicle, first-expiry-first-out; each line gets its lot"""
        return fulfil.pick_order(uow(), actor(), order_id, body["vehicle_id"])


@blp.route("/<int:order_id>/cancel")
class Cancel(MethodView):
    @roles_required(*POLICY.roles("cancel_order"))
    @blp.arguments(CancelSchema)
    @blp.response(200, DeliveryOrderSchema)
    def post(self, body, order_id):
        """Cancel an order that is not picked yet"""
        return fulfil.cancel_order(uow(), actor(), order_id, body.get("reason"))
