"""/clients/{id}/timeline: how a client is doing, everything in one time order."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.list_views import Page, paginated
from nutriplat.timeline import reading
from nutriplat.timeline.policy import POLICY
from nutriplat.timeline.schemas import TimelineEntrySchema, TimelineQuerySchema
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("timeline", __name__, url_prefix="/api/v1/clients",
                description="The client timeline: screenings, weights, intake, alerts, sessions, plans, deliveries")


@blp.route("/<int:client_id>/timeline")
class Timeline(MethodView):
    @roles_required(*POLICY.roles("read_timeline"))
    @blp.arguments(TimelineQuerySchema, location="query")
    @blp.response(200, TimelineEntrySchema(many=True))
    @paginated(blp, Page)  # bounded by its period (at most 400 days)
    def get(self, filters, client_id):
        """The client's events between from and to (default the last 90 days), oldest first"""
        return reading.read_timeline(uow(), actor(), client_id, filters)
