"""/fund/position: the development fund's month (contributions, royalties) and its balance
to date — what the fund's page shows, for the fund's own systems."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.billing import fund
from nutriplat.billing.policy import POLICY
from nutriplat.billing.schemas.ledger import FundPositionSchema, FundQuerySchema
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("fund", __name__, url_prefix="/api/v1/fund", description="The development fund's balance")


@blp.route("/position")
class Position(MethodView):
    @roles_required(*POLICY.roles("fund_position"))
    @blp.arguments(FundQuerySchema, location="query")
    @blp.response(200, FundPositionSchema)
    def get(self, args):
        """The month's contributions and royalties to the caller's fund, and its balance to date"""
        return fund.position(uow(), actor(), args["month"])
