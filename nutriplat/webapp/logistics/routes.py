"""Route planning: choose a depot, a day (tomorrow) and a time limit and launch the
optimisation (the API's ``runs.start_plan`` + ``solve_in_background``); the day's
plans; one plan with its live progress, map, routes and edits (``plan_view``)."""
from __future__ import annotations

from flask import Blueprint, jsonify, redirect, render_template, request, url_for

from nutriplat.delivery import depots
from nutriplat.delivery.api import solve_in_background
from nutriplat.delivery.planning import runs, views
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.schemas.plans import RoutePlanQuerySchema, RoutePlanRequestSchema
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.logistics import common
from nutriplat.webapp.logistics.plan_view import plan_page
from nutriplat.webapp.session import login_required

bp = Blueprint("logistics_routes", __name__, url_prefix="/logistics/routes")
DEFAULT_TIME_LIMIT_S = 10  # the API's default too


@bp.route("", methods=["GET", "POST"])
@login_required(*POLICY.roles("list_plans"))
def plans():  # type: ignore[no-untyped-def]
    day = common.tomorrow().isoformat()
    defaults = {"date": day, "time_limit_s": str(DEFAULT_TIME_LIMIT_S)}
    form = Form(request.form if request.method == "POST" else defaults, numbers=("depot_id", "time_limit_s"))
    if request.method == "POST":
        with form.handling():
            data = form.load(RoutePlanRequestSchema())
            plan = runs.start_plan(uow(), actor(), data["depot_id"], data["date"], data["time_limit_s"])
            solve_in_background(plan.id)
            return redirect(url_for(".plan", plan_id=plan.id))
    listing = Form({"date": request.args.get("date", day), "depot_id": request.args.get("depot_id", "")})
    found = []
    with listing.handling():
        query = listing.load(RoutePlanQuerySchema())
        if "depot_id" in query:
            depots.get_depot(uow(), actor(), query["depot_id"])  # 404 for another organisation's
        found = views.list_plans(uow(), actor(), query["date"], query.get("depot_id"))
    known = depots.list_depots(uow(), actor())
    return render_template("logistics/plans.html", form=form, listing=listing, plans=found, depots=known,
                           depot_options=[(d["warehouse_id"], d["name"]) for d in known],
                           depot_names={d["warehouse_id"]: d["name"] for d in known}), \
        max(form.status, listing.status)


@bp.get("/<int:plan_id>")
@login_required(*POLICY.roles("get_plan"))
def plan(plan_id: int):  # type: ignore[no-untyped-def]
    return plan_page(plan_id)


@bp.get("/<int:plan_id>/status")
@login_required(*POLICY.roles("get_plan"))
def status(plan_id: int):  # type: ignore[no-untyped-def]
    """What routes.js polls while a plan is solved: the run's state, no stops."""
    view = views.get_plan(uow(), actor(), plan_id)
    return jsonify({key: view[key] for key in ("id", "status", "version", "error", "progress")})
