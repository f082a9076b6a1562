"""One route plan's page: the run's progress while it is solved; once done the map,
the routes with their stops, the dropped stops with their reasons, and the edit forms
(lock, move, re-optimise, publish). A failed edit shows this page again with its
form's errors (``forms`` by action name)."""
from __future__ import annotations

from flask import render_template
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat.delivery import depots
from nutriplat.delivery.planning import views
from nutriplat.web import actor, uow
from nutriplat.webapp.dietitian.worklists import client_names
from nutriplat.webapp.forms import Form
from nutriplat.webapp.logistics.routemap import plan_map, plan_places

ACTIONS = ("lock", "move", "reoptimise", "publish", "cancel")


def plan_page(plan_id: int, forms: dict[str, Form] | None = None, status: int = 200) -> ResponseReturnValue:
    plan = views.get_plan(uow(), actor(), plan_id)  # 404 for another organisation's plan
    forms = {name: Form() for name in ACTIONS} | (forms or {})
    result, drawing, names, route_options = plan["result"], None, {}, []
    if result is not None:
        depot, places = plan_places(uow(), actor(), plan_id)
        drawing = plan_map(depot, places, result["routes"], result["dropped"])
        stops = [s for r in result["routes"] for s in r["stops"]] + result["dropped"]
        names = client_names(uow(), actor(), {s["client_id"] for s in stops})
        route_options = [(r["id"], _("Route %(n)d", n=n) + f" — {r['van_name']}")
                         for n, r in enumerate(result["routes"], start=1) if not r["locked"]]
    depot_name = depots.get_depot(uow(), actor(), plan["depot_id"])["name"]
    return render_template("logistics/plan.html", plan=plan, result=result, map=drawing, names=names,
                           depot_name=depot_name, forms=forms, route_options=route_options,
                           editable=plan["status"] == "done" and not plan["published"]), status
