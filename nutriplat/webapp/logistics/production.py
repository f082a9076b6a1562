"""The central kitchen's production plan of a day (tomorrow's deliveries are made today):
per dish and texture the home and ward units, stock on hand and lots to make; printable,
with the CSV beside it."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, render_template, request
from flask.typing import ResponseReturnValue

from nutriplat.clock import business_today
from nutriplat.delivery import production_plan
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.schemas.production import DEFAULT_LOT_SIZE, ProductionQuerySchema
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.session import login_required

bp = Blueprint("logistics_production", __name__, url_prefix="/logistics")


@bp.get("/production")
@login_required(*POLICY.roles("production_plan"))
def day() -> ResponseReturnValue:
    form = Form({"date": business_today().isoformat(), "lot_size": str(DEFAULT_LOT_SIZE), **request.args.to_dict()})
    plan: dict[str, Any] | None = None
    with form.handling():
        query = form.load(ProductionQuerySchema())
        plan = production_plan.production_plan(uow(), actor(), query["date"], query["lot_size"])
    return render_template("logistics/production.html", form=form, plan=plan), form.status


@bp.get("/production.csv")
@login_required(*POLICY.roles("production_plan"))
def sheet() -> ResponseReturnValue:
    form = Form({"date": business_today().isoformat(), "lot_size": str(DEFAULT_LOT_SIZE), **request.args.to_dict()})
    with form.handling():
        query = form.load(ProductionQuerySchema())
        plan = production_plan.production_plan(uow(), actor(), query["date"], query["lot_size"])
        return Response(production_plan.as_csv(plan), mimetype="text/csv", headers={
            "Content-Disposition": f'attachment; filename="production-plan-{query["date"]}.csv"'})
    return render_template("logistics/production.html", form=form, plan=None), form.status
