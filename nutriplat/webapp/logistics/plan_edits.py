"""The planner's edits of a plan, each through the API's schema and service: lock or
unlock a route, move a stop, re-optimise, publish, cancel a run; and the printable
driver manifest (the delivery area's own page). Every edit names the plan version
it was made on, so a stale page gets a conflict instead of overwriting."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, Response, flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _
from marshmallow import Schema

from nutriplat.delivery.api import solve_in_background
from nutriplat.delivery.planning import editing, manifest, publish, runs
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.schemas.plans import PlanVersionSchema, ReoptimiseSchema, RouteLockSchema, StopMoveSchema
from nutriplat.errors import InvalidInput
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form, as_number
from nutriplat.webapp.logistics.plan_view import plan_page
from nutriplat.webapp.session import login_required

bp = Blueprint("logistics_route_edits", __name__, url_prefix="/logistics/routes/<int:plan_id>")


@bp.post("/routes/<int:route_id>/lock")
@login_required(*POLICY.roles("lock_route"))
def lock(plan_id: int, route_id: int) -> ResponseReturnValue:
    def apply(data: dict[str, Any]) -> str:
        editing.lock_route(uow(), actor(), plan_id, route_id, data["locked"], data["version"])
        return _("The route is locked.") if data["locked"] else _("The route is unlocked.")
    return _edit(plan_id, "lock", RouteLockSchema(), apply)


@bp.post("/moves")
@login_required(*POLICY.roles("move_stop"))
def move(plan_id: int) -> ResponseReturnValue:
    def apply(data: dict[str, Any]) -> str:
        editing.move_stop(uow(), actor(), plan_id, data["stop_id"], data["route_id"], data["position"],
                          data["version"])
        return _("The stop is moved.")
    return _edit(plan_id, "move", StopMoveSchema(), apply, ("version", "stop_id", "route_id"),
                 lambda form: {"position": _position(form.value("position").strip())})


@bp.post("/reoptimisation")
@login_required(*POLICY.roles("restart_plan"))
def reoptimise(plan_id: int) -> ResponseReturnValue:
    def apply(data: dict[str, Any]) -> str:
        runs.restart_plan(uow(), actor(), plan_id, data["version"], data["time_limit_s"])
        solve_in_background(plan_id)
        return _("The plan is being optimised again around the locked routes.")
    return _edit(plan_id, "reoptimise", ReoptimiseSchema(), apply, ("version", "time_limit_s"))


@bp.post("/publish")
@login_required(*POLICY.roles("publish_plan"))
def publish_(plan_id: int) -> ResponseReturnValue:
    def apply(data: dict[str, Any]) -> str:
        publish.publish_plan(uow(), actor(), plan_id, data["version"])
        return _("The plan is published: the orders have their van.")
    return _edit(plan_id, "publish", PlanVersionSchema(), apply)


@bp.post("/cancel")
@login_required(*POLICY.roles("request_cancel"))
def cancel(plan_id: int) -> ResponseReturnValue:
    def apply(_data: dict[str, Any]) -> str:
        runs.request_cancel(uow(), actor(), plan_id)
        return _("The optimisation is being stopped.")
    return _edit(plan_id, "cancel", Schema(), apply)


@bp.get("/routes/<int:route_id>/manifest")
@login_required(*POLICY.roles("manifest"))
def printable_manifest(plan_id: int, route_id: int) -> ResponseReturnValue:
    """The driver's manifest as the delivery area prints it (map included)."""
    return Response(manifest.manifest_html(
        manifest.manifest(uow(), actor(), plan_id, route_id), _, get_locale().language,
        lambda proof_id: url_for("webapp.logistics_photos.photo", proof_id=proof_id)), mimetype="text/html")


def _edit(plan_id: int, action: str, schema: Schema, apply: Callable[[dict[str, Any]], str],
          numbers: tuple[str, ...] = ("version",),
          extra: Callable[[Form], dict[str, Any]] | None = None) -> ResponseReturnValue:
    form = Form(request.form, numbers=numbers)
    with form.handling():
        data = form.load(schema, extra(form) if extra else None)
        flash(apply(data), "success")
        return redirect(url_for("webapp.logistics_routes.plan", plan_id=plan_id))
    return plan_page(plan_id, {action: form}, form.status)


def _position(text: str) -> int | None:
    """People count stops from 1 (blank: last); the service from 0."""
    if not text:
        return None
    number = as_number(text)
    if not isinstance(number, int) or number < 1:
        raise InvalidInput("The form has invalid values.", {"position": ["Enter a whole number, 1 or more."]})
    return number - 1
