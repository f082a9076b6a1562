"""Per route and stop: the driver's manifest (JSON and printable page) and confirmations."""
from __future__ import annotations

from flask import Response
from flask.views import MethodView
from flask_babel import get_locale, gettext
from flask_smorest import Blueprint

from nutriplat.delivery.planning import confirm, manifest
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.schemas.manifest import ManifestSchema
from nutriplat.delivery.schemas.plans import ConfirmedStopSchema, StopConfirmationSchema
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("route_stops", __name__, url_prefix="/api/v1/route-plans",
                description="Driver manifests and stop confirmations")


@blp.route("/<int:plan_id>/routes/<int:route_id>/manifest")
class Manifest(MethodView):
    @roles_required(*POLICY.roles("manifest"))
    @blp.response(200, ManifestSchema)
    def get(self, plan_id, route_id):
        """The driver's manifest: stops in order, ETAs, addresses, what to deliver, cold space,
        access notes, texture and allergen flags"""
        return manifest.manifest(uow(), actor(), plan_id, route_id)


@blp.route("/<int:plan_id>/routes/<int:route_id>/manifest.html")
class PrintableManifest(MethodView):
    @roles_required(*POLICY.roles("manifest"))
    @blp.doc(responses={"200": {"description": "A printable page with the route drawn in SVG",
                                "content": {"text/html": {"schema": {"type": "string"}}}}})
    def get(self, plan_id, route_id):
        """The manifest as a printable page with a map of the route"""
        # In the application's language (nl-BE unless the session chose otherwise).
        page = manifest.manifest_html(manifest.manifest(uow(), actor(), plan_id, route_id), gettext,
                                      get_locale().language)
        return Response(page, mimetype="text/html")


@blp.route("/<int:plan_id>/stops/<int:stop_id>/confirmation")
class Confirmation(MethodView):
    @roles_required(*POLICY.roles("confirm_stop"))
    @blp.arguments(StopConfirmationSchema)
    @blp.response(200, ConfirmedStopSchema)
    def post(self, body, plan_id, stop_id):
        """What the driver found (delivered, not_home, refused) with the proof of delivery:
        who received it or where it was left (a photo then), handover temperatures of chilled
        and frozen food, the driver's position, lines refused at the door; writes the stock moves"""
        outcome, note = body.pop("outcome"), body.pop("note", None)
        return confirm.confirm_stop(uow(), actor(), plan_id, stop_id, outcome, note, body)

