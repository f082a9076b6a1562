"""The central kitchen's production plan of a day (tomorrow's deliveries are made today):
per dish and texture the home and ward units, stock on hand, what was made already and
lots to make; the pick lists per van and the crates per facility's ward; printable, with
the CSV and Excel downloads beside it, and the form the kitchen records a batch with."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from marshmallow import EXCLUDE

from nutriplat.clock import business_today
from nutriplat.delivery import production_batches, production_plan
from nutriplat.delivery.policy import POLICY
from nutriplat.delivery.schemas.production import DEFAULT_LOT_SIZE, ProductionBatchSchema, ProductionQuerySchema
from nutriplat.inventory import locations
from nutriplat.spreadsheets import XLSX
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.session import login_required

bp = Blueprint("logistics_production", __name__, url_prefix="/logistics")
SHEETS: dict[str, tuple[str, Callable[[dict[str, Any]], str | bytes]]] = {
    "csv": ("text/csv", production_plan.as_csv), "xlsx": (XLSX, production_plan.as_xlsx)}


def _query_form() -> Form:
    return Form({"date": business_today().isoformat(), "lot_size": str(DEFAULT_LOT_SIZE), **request.args.to_dict()})


@bp.get("/production")
@login_required(*POLICY.roles("production_plan"))
def day() -> ResponseReturnValue:
    return _page(_query_form(), Form({"production_date": request.args.get("date", business_today().isoformat())}))


@bp.post("/production/batches")
@login_required(*POLICY.roles("record_production_batch"))
def record_batch() -> ResponseReturnValue:
    batch = Form(request.form)
    with batch.handling():
        # the page's lot size rides along to show the plan again; it is not the batch's
        made = production_batches.record_batch(uow(), actor(), batch.load(ProductionBatchSchema(unknown=EXCLUDE)))
        flash(_("Batch recorded: lot %(code)s, %(units)d × %(dish)s, use by %(day)s.", code=made["lot_code"],
                units=made["units"], dish=made["dish"], day=made["use_by"].isoformat()), "success")
        return redirect(url_for(".day", date=made["production_date"].isoformat(),
                                lot_size=request.form.get("lot_size", DEFAULT_LOT_SIZE)))
    return _page(Form({"date": batch.value("production_date") or business_today().isoformat(),
                       "lot_size": request.form.get("lot_size", str(DEFAULT_LOT_SIZE))}), batch)


def _page(form: Form, batch: Form) -> ResponseReturnValue:
    plan: dict[str, Any] | None = None
    with form.handling():
        query = form.load(ProductionQuerySchema())
        plan = production_plan.production_plan(uow(), actor(), query["date"], query["lot_size"])
    warehouses = [(w.id, w.name) for w in locations.list_locations(uow(), actor(), {"kind": "warehouse"}) if w.active]
    dishes = [(row["variant_id"], f"{row['dish']} · {row['texture']}") for row in (plan or {}).get("rows", ())]
    status = batch.status if batch.status != 200 else form.status
    return render_template("logistics/production.html", form=form, plan=plan, batch=batch, dishes=dishes,
                           warehouses=warehouses), status


@bp.get("/production.<any(csv, xlsx):kind>")
@login_required(*POLICY.roles("production_plan"))
def sheet(kind: str) -> ResponseReturnValue:
    form = _query_form()
    with form.handling():
        query = form.load(ProductionQuerySchema())
        plan = production_plan.production_plan(uow(), actor(), query["date"], query["lot_size"])
        mimetype, write = SHEETS[kind]
        return Response(write(plan), mimetype=mimetype, headers={
            "Content-Disposition": f'attachment; filename="production-plan-{query["date"]}.{kind}"'})
    return render_template("logistics/production.html", form=form, plan=None, batch=Form({}), warehouses=[]), \
        form.status
