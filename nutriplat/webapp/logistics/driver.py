"""The driver's day on a phone: today's published routes (the signed-in user's own
when they are a linked driver), then one route's stops in order with big buttons for
what was found at the door — each a POST to the API's ``confirm_stop`` with the proof of
delivery: who took it or where it was left (with a photo from the phone's camera), the
handover temperatures, the units refused per line and the phone's position."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat.clock import business_today
from nutriplat.delivery import drivers
from nutriplat.delivery.planning import confirm, manifest, views
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.schemas.plans import StopConfirmationSchema
from nutriplat.delivery.vocabulary import OUTCOMES
from nutriplat.errors import DomainError
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.logistics.photos import discard_photo, save_photo
from nutriplat.webapp.session import login_required

bp = Blueprint("logistics_driver", __name__, url_prefix="/logistics/today")


@bp.get("")
@login_required(*POLICY.roles("manifest"))
def today() -> ResponseReturnValue:
    day = business_today()
    users = {d.id: d.user_id for d in drivers.list_drivers(uow(), actor(), include_inactive=True)}
    routes = [(plan, route) for plan in _published(day) for route in plan["result"]["routes"] if route["stops"]]
    mine = [(plan, route) for plan, route in routes if users.get(route["driver_id"]) == actor().user_id]
    if len(mine) == 1:  # a driver goes straight to their own stops
        plan, route = mine[0]
        return redirect(url_for(".route", plan_id=plan["id"], route_id=route["id"]))
    return render_template("logistics/today.html", day=day, routes=mine + [r for r in routes if r not in mine])


@bp.get("/<int:plan_id>/<int:route_id>")
@login_required(*POLICY.roles("manifest"))
def route(plan_id: int, route_id: int) -> ResponseReturnValue:
    return _route_page(plan_id, route_id)


@bp.post("/<int:plan_id>/<int:route_id>/stops/<int:stop_id>")
@login_required(*POLICY.roles("confirm_stop"))
def confirm_stop(plan_id: int, route_id: int, stop_id: int) -> ResponseReturnValue:
    form = Form(request.form, numbers=("chilled_c", "frozen_c", "lat", "lon"))
    with form.handling():
        data = form.load(StopConfirmationSchema(), {"refused": _refused(form)})
        if (photo := request.files.get("photo")) and photo.filename:
            data["photo_ref"] = save_photo(photo)
        outcome, note = data.pop("outcome"), data.pop("note", None)
        try:
            confirm.confirm_stop(uow(), actor(), plan_id, stop_id, outcome, note, data)
        except DomainError:
            discard_photo(data.get("photo_ref"))  # the stop is not confirmed: no photo without its proof
            raise
        flash(_("Stop confirmed."), "success")
        return redirect(url_for(".route", plan_id=plan_id, route_id=route_id, _anchor=f"stop-{stop_id}"))
    return _route_page(plan_id, route_id, stop_id, form)


def _refused(form: Form) -> list[dict[str, Any]]:
    """The lines refused at the door: ``refused.<order>-<variant>.units`` and ``.reason``
    (the posted dict is replaced by this list before the schema reads it)."""
    refused = []
    for name in form.values:
        if name.startswith("refused.") and name.endswith(".units") and (units := form.value(name).strip()) \
                and units != "0":
            key = name.removeprefix("refused.").removesuffix(".units")
            order_id, variant_id = key.split("-")
            refused.append({"order_id": int(order_id), "variant_id": int(variant_id),
                            "units": int(units) if units.isdigit() else units,
                            "reason": form.value(f"refused.{key}.reason").strip() or None})
    return refused


def _refusable(stop: dict[str, Any]) -> list[dict[str, Any]]:
    """The stop's lines a client may refuse, one per order and variant (a line picked from
    two lots shows twice on the manifest)."""
    lines: dict[str, dict[str, Any]] = {}
    for item in stop["items"]:
        key = f"{item['order_id']}-{item['variant_id']}"
        lines.setdefault(key, {"key": key, "dish": item["dish"], "quantity": 0})["quantity"] += item["quantity"]
    return list(lines.values())


def _published(day: Any) -> list[dict[str, Any]]:
    return [views.get_plan(uow(), actor(), p["id"]) for p in views.list_plans(uow(), actor(), day)
            if p["published"] and p["status"] == "done"]


def _route_page(plan_id: int, route_id: int, failed_stop: int | None = None,
                form: Form | None = None) -> tuple[str, int]:
    sheet = manifest.manifest(uow(), actor(), plan_id, route_id)  # 404 for another organisation's
    return render_template("logistics/driver_route.html", m=sheet, outcomes=OUTCOMES, failed_stop=failed_stop,
                           form=form or Form(), refusable=_refusable,
                           can_confirm=sheet["published"] and sheet["date"] <= business_today()
                           ), form.status if form else 200
