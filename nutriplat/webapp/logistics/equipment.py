"""Rented equipment: every freezer and regeneration oven, where it stands, its next
install or collection and its open repair; a breakdown reported (by the client, the
driver or staff) with a replacement freezer to take the stock, through the API's services."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from nutriplat.equipment import assets, repairs
from nutriplat.equipment.policy import POLICY
from nutriplat.equipment.schemas import AssetQuerySchema, BreakdownSchema
from nutriplat.equipment.vocabulary import ASSET_STATES, REPORTERS
from nutriplat.web import actor, uow
from nutriplat.webapp.dietitian.worklists import client_names
from nutriplat.webapp.forms import Form
from nutriplat.webapp.logistics import common
from nutriplat.webapp.session import login_required

bp = Blueprint("logistics_equipment", __name__, url_prefix="/logistics/equipment")

WORDS: dict[str, Any] = {
    "freezer": _l("freezer"), "regeneration_oven": _l("regeneration oven"),
    "in_stock": _l("in stock"), "installed": _l("installed"), "in_repair": _l("in repair"), "retired": _l("retired"),
    "install": _l("install"), "collect": _l("collection"), "fetch": _l("fetch for repair"),
    "client": _l("the client"), "driver": _l("the driver"), "staff": _l("staff"),
}


@bp.get("")
@login_required(*POLICY.roles("list_assets"))
def overview() -> ResponseReturnValue:
    form = Form(request.args)
    rows: list[dict[str, Any]] = []
    with form.handling():
        rows = assets.list_assets(uow(), actor(), form.load(AssetQuerySchema(only=("state",))))
    return render_template(
        "logistics/equipment.html", form=form, rows=rows, words=WORDS, sites=common.site_names(),
        names=client_names(uow(), actor(), {r["client_id"] for r in rows if r["client_id"]}),
        states=[(s, WORDS[s]) for s in ASSET_STATES],
        counts={s: sum(1 for r in rows if r["state"] == s) for s in ASSET_STATES}), form.status


@bp.route("/<int:asset_id>/breakdown", methods=["GET", "POST"])
@login_required(*POLICY.roles("report_breakdown"))
def breakdown(asset_id: int) -> ResponseReturnValue:
    form = Form(request.form, numbers=("replacement_asset_id",))
    if request.method == "POST":
        with form.handling():
            data = form.load(BreakdownSchema())
            job = repairs.report_breakdown(uow(), actor(), asset_id, data)
            flash(_("Repair job %(id)d is open.", id=job["id"]), "success")
            return redirect(url_for(".overview"))
    asset = assets.get_asset(uow(), actor(), asset_id)
    spares = [a for a in assets.list_assets(uow(), actor(), {"kind": asset["kind"], "state": "in_stock"})
              if a["id"] != asset_id]
    return render_template(
        "logistics/equipment_breakdown.html", form=form, asset=asset, words=WORDS,
        reporters=[(r, WORDS[r]) for r in REPORTERS],
        spares=[(a["id"], f"{a['serial_number']} · {a['model']}") for a in spares]), form.status
