"""The target override form: a value with a reason and a validity period per target,
through the API's schema and service; the history of overrides below it."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from nutriplat.clients import services as clients
from nutriplat.clock import business_today
from nutriplat.errors import InvalidInput
from nutriplat.screening import target_review
from nutriplat.screening.policy import POLICY
from nutriplat.screening.schemas.targets import TargetsOverrideRequestSchema
from nutriplat.screening.targets_in_force import TARGET_NAMES
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.session import login_required

bp = Blueprint("targets", __name__, url_prefix="/dietitian/clients/<int:client_id>/targets")
FIELDS = ("value", "reason", "valid_from", "valid_until")


@bp.route("", methods=["GET", "POST"])
@login_required(*POLICY.roles("override_targets"))
def edit(client_id: int):  # type: ignore[no-untyped-def]
    client = clients.get_client(uow(), actor(), client_id)
    form = Form(request.form, numbers=tuple(f"{name}.value" for name in TARGET_NAMES))
    if request.method == "POST":
        with form.handling():
            data = form.load(TargetsOverrideRequestSchema())  # blank targets are left out
            target_review.override_targets(uow(), actor(), client_id, data, business_today())
            flash(_("The targets are saved."), "success")
            return redirect(url_for("webapp.client.show", client_id=client_id))
    targets, problem = None, None
    try:
        targets = target_review.get_targets(uow(), actor(), client_id, business_today())
    except InvalidInput as error:
        problem = error
    return render_template(
        "dietitian/targets.html", client=client, form=form, targets=targets, problem=problem,
        names=TARGET_NAMES, today=business_today(),
        history=target_review.override_history(uow(), actor(), client_id)), form.status

