"""/clients/{id}/handovers: what was handed over at each of the client's transfers (JSON
with the FHIR Bundle, or one as a printable page)."""
from __future__ import annotations

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.handovers import printing, reading
from nutriplat.handovers.policy import POLICY
from nutriplat.handovers.schemas import HandoverSchema
from nutriplat.list_views import Page, paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("handovers", __name__, url_prefix="/api/v1/clients",
                description="The handover document of each care-setting transfer, with its FHIR R4 Bundle")


@blp.route("/<int:client_id>/handovers")
class Handovers(MethodView):
    @roles_required(*POLICY.roles("list_handovers"))
    @blp.response(200, HandoverSchema(many=True))
    @paginated(blp, Page)  # one per transfer: a short list by nature
    def get(self, client_id):
        """Each transfer's handover, newest first"""
        return reading.list_handovers(uow(), actor(), client_id)


@blp.route("/<int:client_id>/handovers/<int:handover_id>/print")
class HandoverPrint(MethodView):
    @roles_required(*POLICY.roles("get_handover"))
    @blp.response(200, content_type="text/html")
    def get(self, client_id, handover_id):
        """One handover as a printable HTML page"""
        handover = reading.get_handover(uow(), actor(), client_id, handover_id)
        return Response(printing.to_html(handover), mimetype="text/html")
