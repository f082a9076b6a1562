"""The price list: plans (bundles) and tariffs with every price version, and a new
version from the first of a month (``billing.plans``: months already invoiced keep
their prices; a version is never edited)."""
from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from nutriplat.billing import plans
from nutriplat.billing.policy import POLICY
from nutriplat.periods import Month
from nutriplat.billing.schemas.prices import BillingPlanVersionSchema, TariffPriceSchema
from nutriplat.clock import business_today
from nutriplat.errors import NotFound
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.session import login_required

bp = Blueprint("admin_prices", __name__, url_prefix="/admin/prices")
# What a new version asks per price list: schema, service, the form's fields.
KINDS: dict[str, tuple[Any, Any, Any, tuple[str, ...]]] = {
    "plans": (BillingPlanVersionSchema, plans.list_plans, plans.add_plan_version,
              ("meals_per_week", "package_price", "information_platform_price", "coaching_tool_price")),
    "tariffs": (TariffPriceSchema, plans.list_tariffs, plans.add_tariff_price, ("unit_price",)),
}


@bp.get("/")
# The page where prices change: a dietitian reads plans and tariffs through the API only.
@login_required(*POLICY.roles("add_plan_version"))
def index():  # type: ignore[no-untyped-def]
    return render_template("admin/prices.html", plans=plans.list_plans(uow(), actor()),
                           tariffs=plans.list_tariffs(uow(), actor()))


@bp.route("/<any(plans, tariffs):kind>/<int:item_id>/versions/new", methods=["GET", "POST"])
@login_required(*POLICY.roles("add_plan_version"))  # add_tariff_price: the same
def new_version(kind: str, item_id: int):  # type: ignore[no-untyped-def]
    schema, list_, add, fields = KINDS[kind]
    # The list is the caller's organisation's own: another's plan is simply not there.
    item = next((row for row in list_(uow(), actor()) if row.id == item_id), None)
    if item is None:
        raise NotFound(_("No such price list entry."))
    form = Form(request.form or {"effective_from": _next_month().isoformat()},
                numbers=fields)  # "12,50" as typed in Belgium; the schema checks the cents
    if request.method == "POST":
        with form.handling():
            add(uow(), actor(), item_id, form.load(schema()))
            flash(_("The new prices of %(name)s are saved.", name=item.name), "success")
            return redirect(url_for(".index"))
    return render_template("admin/price_version.html", kind=kind, item=item, form=form,
                           fields=fields), form.status


def _next_month() -> date:
    return Month.of(business_today()).next().first
