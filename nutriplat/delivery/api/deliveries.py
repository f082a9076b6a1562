"""/clients/{id}/deliveries: a client's deliveries with the proof of delivery."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.delivery.deliveries import client_deliveries
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.schemas.deliveries import ClientDeliverySchema
from nutriplat.list_views import paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("client_deliveries", __name__, url_prefix="/api/v1", description="A client's deliveries")


@blp.route("/clients/<int:client_id>/deliveries")
class ClientDeliveries(MethodView):
    @roles_required(*POLICY.roles("client_deliveries"))
    @blp.response(200, ClientDeliverySchema(many=True))
    @paginated(blp)
    def get(self, client_id, pagination_parameters):
        """The client's deliveries, newest first: outcome, what came, and the proof of delivery"""
        found, pagination_parameters.item_count = client_deliveries(
            uow(), actor(), client_id, pagination_parameters.page, pagination_parameters.page_size)
        return found
