"""Adding an item to a draft week and removing one (``mealplans.editing``, as the API's
/meal-plans/{id}/items); swapping and locking are on the plan page itself (plans.py).
A refused change is shown on the plan page, next to the field it is about."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat.mealplans import editing
from nutriplat.mealplans.policy import POLICY
from nutriplat.mealplans.schemas.plans import NewItemSchema
from nutriplat.web import actor, uow
from nutriplat.webapp.dietitian.plans import show
from nutriplat.webapp.forms import NON_FIELD, Form
from nutriplat.webapp.session import login_required

bp = Blueprint("plan_items", __name__, url_prefix="/dietitian/plans/<int:plan_id>/items")
MEAL = "meal"  # the form's one choice of slot and occurrence, "snack:2"
NEW = "new."  # the add form's fields, apart from the swap forms' on the same page


@bp.post("")
@login_required(*POLICY.roles("add_item"))
def add(plan_id: int) -> ResponseReturnValue:
    form = Form(request.form)  # as posted, to show again
    with form.handling():
        fields = Form([(k.removeprefix(NEW), v) for k, v in request.form.items(multi=True)
                       if k.startswith(NEW) and k != NEW + MEAL], numbers=("variant_id", "portions"))
        editing.add_item(uow(), actor(), plan_id, fields.load(NewItemSchema(), extra=_meal(form)))
        flash(_("The item is added and locked."), "success")
        return redirect(url_for("webapp.plans.show", plan_id=plan_id))
    # The API's names as the add form's: the slot and occurrence are its one meal field.
    form.errors = {k if k == NON_FIELD else NEW + (MEAL if k in ("slot", "occurrence") else k): v
                   for k, v in form.errors.items()}
    form.adding = True  # the add form shows the errors
    return show(plan_id, form, form.status)


@bp.post("/<int:item_id>/remove")
@login_required(*POLICY.roles("remove_item"))
def remove(plan_id: int, item_id: int) -> ResponseReturnValue:
    form = Form(request.form)
    with form.handling():
        editing.remove_item(uow(), actor(), plan_id, item_id)
        flash(_("The item is removed."), "success")
        return redirect(url_for("webapp.plans.show", plan_id=plan_id))
    return show(plan_id, form, form.status)


def _meal(form: Form) -> dict[str, Any]:
    slot, _sep, occurrence = form.value(NEW + MEAL).partition(":")
    if not slot:
        return {}  # the schema says the slot is required
    return {"slot": slot, "occurrence": int(occurrence) if occurrence.isdigit() else occurrence or 1}
