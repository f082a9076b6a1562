"""/stock, /stock/moves and /stock/counts (a client's home stock: ``delivery.api.home_stock``)."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.inventory import stock
from nutriplat.inventory.policy import POLICY
from nutriplat.inventory.schemas.stock import (
    CountResultSchema,
    CountSchema,
    MoveQuerySchema,
    MoveSchema,
    StockQuerySchema,
    StockRowSchema,
)
from nutriplat.list_views import PAGED_LIST_PAGE_SIZE, paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("inventory_stock", __name__, url_prefix="/api/v1", description="Stock on hand and stock moves")


@blp.route("/stock")
class Stock(MethodView):
    @roles_required(*POLICY.roles("stock_at"))
    @blp.arguments(StockQuerySchema, location="query")
    @blp.response(200, StockRowSchema(many=True))
    @paginated(blp)
    def get(self, query, pagination_parameters):
        """On hand per lot at a location (?location=ID), or at every warehouse and vehicle"""
        rows, pagination_parameters.item_count = stock.stock_at(
            uow(), actor(), query.get("location"), pagination_parameters.page, pagination_parameters.page_size)
        return rows


@blp.route("/stock/moves")
class Moves(MethodView):
    @roles_required(*POLICY.roles("list_moves"))
    @blp.arguments(MoveQuerySchema, location="query")
    @blp.response(200, MoveSchema(many=True))
    @paginated(blp, page_size=PAGED_LIST_PAGE_SIZE)
    def get(self, filters, pagination_parameters):
        """Stock moves, newest first"""
        moves, pagination_parameters.item_count = stock.list_moves(
            uow(), actor(), filters, pagination_parameters.page, pagination_parameters.page_size)
        return moves

    @roles_required(*POLICY.roles("record_move"))
    @blp.arguments(MoveSchema)
    @blp.response(201, MoveSchema(many=True))
    def post(self, body):
        """Record a move of a lot, or of a product first-expiry-first-out (one move per lot taken)"""
        return stock.record_move(uow(), actor(), body)


@blp.route("/stock/counts")
class Counts(MethodView):
    @roles_required(*POLICY.roles("correct_count"))
    @blp.arguments(CountSchema)
    @blp.response(201, CountResultSchema)
    def post(self, body):
        """A physical count of a lot at a location; a difference becomes a correction move"""
        return stock.correct_count(uow(), actor(), body)

