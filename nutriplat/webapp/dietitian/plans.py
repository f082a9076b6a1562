"""The week's meal plan: a grid of days × slots with texture and allergen badges,
per-day bars against the targets; swap or lock an item, re-optimise, approve — all
through the API's mealplans services."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat.clients import services as clients
from nutriplat.mealplans import editing, services
from nutriplat.mealplans.domain import TARGETED
from nutriplat.mealplans.policy import POLICY
from nutriplat.mealplans.schemas.plans import ApproveSchema, ItemChangeSchema, NewPlanSchema
from nutriplat.web import actor, uow
from nutriplat.webapp.dietitian.plan_details import plan_details
from nutriplat.webapp.forms import Form
from nutriplat.webapp.session import login_required

bp = Blueprint("plans", __name__, url_prefix="/dietitian/plans")


@bp.get("/<int:plan_id>")
@login_required(*POLICY.roles("change_item"))  # the page edits the draft
def show(plan_id: int, form: Form | None = None, status: int = 200) -> ResponseReturnValue:
    plan = services.get_plan(uow(), actor(), plan_id)
    return render_template(
        "dietitian/plan.html", plan=plan, details=plan_details(uow(), actor(), plan_id),
        client=clients.get_client(uow(), actor(), plan["client_id"]), targeted=TARGETED,
        slots=_slots(plan), form=form or Form(), history=services.history(uow(), actor(), plan_id),
        blank_form=Form(),  # the add-an-item form when the errors are another form's
    ), status


@bp.post("/<int:plan_id>/items/<int:item_id>")
@login_required(*POLICY.roles("change_item"))
def change_item(plan_id: int, item_id: int) -> ResponseReturnValue:
    form = Form(request.form, numbers=("variant_id", "portions"))
    with form.handling():
        editing.change_item(uow(), actor(), plan_id, item_id, form.load(ItemChangeSchema()))
        flash(_("The item is changed."), "success")
        return redirect(url_for(".show", plan_id=plan_id, _anchor=f"item-{item_id}"))
    form.item_id = item_id  # which row shows the errors
    return show(plan_id, form, form.status)


@bp.post("/<int:plan_id>/reoptimise")
@login_required(*POLICY.roles("reoptimise"))
def reoptimise(plan_id: int) -> ResponseReturnValue:
    form = Form(request.form)
    with form.handling():
        editing.reoptimise(uow(), actor(), plan_id)
        flash(_("The plan is re-optimised around the locked items."), "success")
        return redirect(url_for(".show", plan_id=plan_id))
    return show(plan_id, form, form.status)


@bp.post("/<int:plan_id>/approve")
@login_required(*POLICY.roles("approve"))
def approve(plan_id: int) -> ResponseReturnValue:
    form = Form(request.form)
    with form.handling():
        services.approve(uow(), actor(), plan_id, form.load(ApproveSchema()).get("note"))
        flash(_("The plan is approved."), "success")
        return redirect(url_for(".show", plan_id=plan_id))
    return show(plan_id, form, form.status)


@bp.post("/<int:plan_id>/revise")
@login_required(*POLICY.roles("revise"))
def revise(plan_id: int) -> ResponseReturnValue:
    draft = services.revise(uow(), actor(), plan_id)
    flash(_("A new draft of this week is made."), "success")
    return redirect(url_for(".show", plan_id=draft["id"]))


@bp.post("/for-client/<int:client_id>")
@login_required(*POLICY.roles("create_plan"))
def create(client_id: int) -> ResponseReturnValue:
    form = Form(request.form)
    with form.handling():
        week = form.load(NewPlanSchema())["week_start"]
        plan = services.create_plan(uow(), actor(), client_id, week)
        return redirect(url_for(".show", plan_id=plan["id"]))
    for reasons in form.errors.values():
        for reason in reasons:
            flash(reason, "error")
    return redirect(url_for("webapp.client.show", client_id=client_id))


def _slots(plan: dict) -> list[tuple[str, int]]:
    """The grid's rows: (slot, occurrence) in the order of the client's day (the
    profile's slots; a snack may come several times), then any other slot used."""
    rows: list[tuple[str, int]] = []
    for slot in plan["profile"].get("slots", ()):
        rows.append((slot, sum(1 for s, _ in rows if s == slot) + 1))
    used = {(i["slot"], i["occurrence"]) for day in plan["days"] for i in day["items"]}
    return rows + sorted(used - set(rows))
