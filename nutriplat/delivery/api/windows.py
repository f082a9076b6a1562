"""/clients/{id}/delivery-window: when a client can be delivered."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.delivery import windows
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.schemas.fleet import DeliveryWindowSchema
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("delivery_windows", __name__, url_prefix="/api/v1/clients",
                description="Clients' delivery windows and service times")


@blp.route("/<int:client_id>/delivery-window")
class DeliveryWindow(MethodView):
    @roles_required(*POLICY.roles("get_window"))
    @blp.response(200, DeliveryWindowSchema)
    def get(self, client_id):
        """The client's delivery window (09:00-17:00, 5 minutes when none is set)"""
        return windows.get_window(uow(), actor(), client_id)

    @roles_required(*POLICY.roles("put_window"))
    @blp.arguments(DeliveryWindowSchema)
    @blp.response(200, DeliveryWindowSchema)
    def put(self, body, client_id):
        """Set the client's delivery window and service time"""
        return windows.put_window(uow(), actor(), client_id, body)
