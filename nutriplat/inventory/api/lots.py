"""/lots, /lots/{id}/recipients and /clients/{id}/lots."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.inventory import lots, recipients
from nutriplat.inventory.policy import POLICY
from nutriplat.inventory.schemas.stock import ClientLotSchema, LotQuerySchema, LotSchema, RecipientSchema
from nutriplat.list_views import Page, paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("inventory_lots", __name__, url_prefix="/api/v1", description="Lots and traceability")


@blp.route("/lots")
class Lots(MethodView):
    @roles_required(*POLICY.roles("list_lots"))
    @blp.arguments(LotQuerySchema, location="query")
    @blp.response(200, LotSchema(many=True))
    @paginated(blp)
    def get(self, filters, pagination_parameters):
        """Lots, soonest expiry first"""
        found, pagination_parameters.item_count = lots.list_lots(
            uow(), actor(), filters, pagination_parameters.page, pagination_parameters.page_size)
        return found

    @roles_required(*POLICY.roles("create_lot"))
    @blp.arguments(LotSchema)
    @blp.response(201, LotSchema)
    def post(self, body):
        """Register a lot (a receipt against a purchase order registers its own)"""
        return lots.create_lot(uow(), actor(), body)


@blp.route("/lots/<int:lot_id>")
class LotById(MethodView):
    @roles_required(*POLICY.roles("get_lot"))
    @blp.response(200, LotSchema)
    def get(self, lot_id):
        """One lot"""
        return lots.get_lot(uow(), actor(), lot_id)


@blp.route("/lots/<int:lot_id>/recipients")
class Recipients(MethodView):
    @roles_required(*POLICY.roles("recipients"))
    @blp.response(200, RecipientSchema(many=True))
    @paginated(blp, Page)
    def get(self, lot_id):
        """Every home and ward crate that received the lot, with dates and residents (for a recall)"""
        return recipients.recipients(uow(), actor(), lot_id)


@blp.route("/clients/<int:client_id>/lots")
class ClientLots(MethodView):
    @roles_required(*POLICY.roles("client_lots"))
    @blp.response(200, ClientLotSchema(many=True))
    @paginated(blp, Page)
    def get(self, client_id):
        """The lots delivered to the client"""
        return lots.client_lots(uow(), actor(), client_id)
