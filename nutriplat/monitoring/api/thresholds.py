"""/clients/{id}/alert-thresholds: the rule parameters set for one client, with a reason."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.list_views import Page, paginated
from nutriplat.monitoring import client_thresholds
from nutriplat.monitoring.policy import POLICY
from nutriplat.monitoring.rules.thresholds import PARAMETERS
from nutriplat.monitoring.schemas.thresholds import ThresholdSchema
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("alert_thresholds", __name__, url_prefix="/api/v1/clients/<int:client_id>/alert-thresholds",
                description="A client's own early-warning thresholds: "
                            + "; ".join(f"{name} (default {p.default:g}, {p.lowest:g}–{p.highest:g}): {p.meaning}"
                                        for name, p in PARAMETERS.items()))


@blp.route("")
class Thresholds(MethodView):
    @roles_required(*POLICY.roles("list_thresholds"))
    @blp.response(200, ThresholdSchema(many=True))
    @paginated(blp, Page)
    def get(self, client_id):
        """The thresholds set for this client (the others are the defaults)"""
        return client_thresholds.list_thresholds(uow(), actor(), client_id)


@blp.route("/<parameter>")
class Threshold(MethodView):
    @roles_required(*POLICY.roles("set_threshold"))
    @blp.arguments(ThresholdSchema)
    @blp.response(200, ThresholdSchema)
    def put(self, body, client_id, parameter):
        """Set a parameter for this client, with the reason; the next evaluation reads it"""
        return client_thresholds.set_threshold(uow(), actor(), client_id, parameter, body["value"], body["reason"])

    @roles_required(*POLICY.roles("set_threshold"))
    @blp.response(204)
    def delete(self, client_id, parameter):
        """Back to the default"""
        client_thresholds.clear_threshold(uow(), actor(), client_id, parameter)
