"""/alerts: early warnings for the care team."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.list_views import PAGED_LIST_PAGE_SIZE, paginated
from nutriplat.monitoring import alerts
from nutriplat.monitoring.policy import POLICY
from nutriplat.monitoring.schemas.alerts import AlertActionSchema, AlertQuerySchema, AlertSchema
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("alerts", __name__, url_prefix="/api/v1/alerts",
                description="Early-warning alerts (weight loss, low intake and fluid, rising risk, "
                            "missed deliveries, intake not recorded)")


@blp.route("")
class Alerts(MethodView):
    @roles_required(*POLICY.roles("list_alerts"))
    @blp.arguments(AlertQuerySchema, location="query")
    @blp.response(200, AlertSchema(many=True))
    @paginated(blp, page_size=PAGED_LIST_PAGE_SIZE)
    def get(self, filters, pagination_parameters):
        """Alerts of the clients the caller sees, newest first (open and acknowledged by default)"""
        found, pagination_parameters.item_count = alerts.list_alerts(
            uow(), actor(), filters, pagination_parameters.page, pagination_parameters.page_size)
        return found


@blp.route("/<int:alert_id>")
class AlertById(MethodView):
    @roles_required(*POLICY.roles("get_alert"))
    @blp.response(200, AlertSchema)
    def get(self, alert_id):
        """One alert with its cause and evidence"""
        return alerts.get_alert(uow(), actor(), alert_id)


@blp.route("/<int:alert_id>/acknowledge")
class Acknowledge(MethodView):
    @roles_required(*POLICY.roles("acknowledge"))
    @blp.arguments(AlertActionSchema)
    @blp.response(200, AlertSchema)
    def post(self, body, alert_id):
        """Acknowledge an open alert: someone is on it"""
        return alerts.act(uow(), actor(), alert_id, "acknowledge", body.get("note"))


@blp.route("/<int:alert_id>/resolve")
class Resolve(MethodView):
    @roles_required(*POLICY.roles("resolve"))
    @blp.arguments(AlertActionSchema)
    @blp.response(200, AlertSchema)
    def post(self, body, alert_id):
        """Resolve an alert; the rule warns again only on new evidence"""
        return alerts.act(uow(), actor(), alert_id, "resolve", body.get("note"))
