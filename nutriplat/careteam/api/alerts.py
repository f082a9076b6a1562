"""/care-team/alerts and /alert-routes: the alerts one was told of, and who is told of each rule."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.careteam import reading, routes
from nutriplat.careteam.policy import POLICY
from nutriplat.careteam.schemas import CareAlertQuerySchema, CareAlertSchema, RouteSchema
from nutriplat.list_views import PAGED_LIST_PAGE_SIZE, Page, paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("care_alerts", __name__, url_prefix="/api/v1",
                description="Care-team alerts: who is told of each rule, and the alerts each was told of")


@blp.route("/care-team/alerts")
class CareAlerts(MethodView):
    @roles_required(*POLICY.roles("list_care_alerts"))
    @blp.arguments(CareAlertQuerySchema, location="query")
    @blp.response(200, CareAlertSchema(many=True))
    @paginated(blp, page_size=PAGED_LIST_PAGE_SIZE)
    def get(self, filters, pagination_parameters):
        """The alerts the caller was told of (care staff: their organisation's), newest first"""
        found, pagination_parameters.item_count = reading.list_care_alerts(
            uow(), actor(), filters, pagination_parameters.page, pagination_parameters.page_size)
        return found


@blp.route("/care-team/alerts/<int:care_alert_id>/acknowledge")
class AcknowledgeCareAlert(MethodView):
    @roles_required(*POLICY.roles("acknowledge_care_alert"))
    @blp.response(200, CareAlertSchema)
    def post(self, care_alert_id):
        """Acknowledge: everyone told sees who is on it"""
        return reading.acknowledge(uow(), actor(), care_alert_id)


@blp.route("/alert-routes")
class Routes(MethodView):
    @roles_required(*POLICY.roles("list_routes"))
    @blp.response(200, RouteSchema(many=True))
    @paginated(blp, Page)  # one per early-warning rule
    def get(self):
        """Who is told of each early-warning rule (the provider's own route or the default)"""
        return routes.list_routes(uow(), actor())


@blp.route("/alert-routes/<string:rule>")
class RouteByRule(MethodView):
    @roles_required(*POLICY.roles("set_route"))
    @blp.arguments(RouteSchema)
    @blp.response(200, RouteSchema)
    def put(self, body, rule):
        """Choose who is told of one rule"""
        return routes.set_route(uow(), actor(), rule, body["recipients"])
