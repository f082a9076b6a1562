"""/clients/{id}/stock: a client's home stock and what is on its way to them."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.delivery import home_stock
from nutriplat.delivery.policy import POLICY
from nutriplat.inventory.schemas.stock import HomeStockSchema
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("home_stock", __name__, url_prefix="/api/v1", description="A client's home stock")


@blp.route("/clients/<int:client_id>/stock")
class ClientStock(MethodView):
    @roles_required(*POLICY.roles("client_stock"))
    @blp.response(200, HomeStockSchema)
    def get(self, client_id):
        """What is in the client's home and for how many days it feeds the approved plan"""
        return home_stock.client_stock(uow(), actor(), client_id)
