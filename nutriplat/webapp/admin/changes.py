"""Deciding a proposed catalogue change from the dish's page: a second admin of the
dish's owner approves it (it applies) or rejects it (``catalogue.decisions``)."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, request, url_for
from flask_babel import gettext as _

from nutriplat.catalogue import decisions
from nutriplat.catalogue.policy import POLICY
from nutriplat.errors import Conflict, Forbidden
from nutriplat.web import actor, uow
from nutriplat.webapp.session import login_required

bp = Blueprint("admin_changes", __name__, url_prefix="/admin/catalogue/changes")


@bp.post("/<int:change_id>/approval")
@login_required(*POLICY.roles("approve"))
def approve(change_id: int):  # type: ignore[no-untyped-def]
    try:
        change = decisions.approve(uow(), actor(), change_id)
    except (Conflict, Forbidden) as error:  # said on the dish's page, where the button was
        flash(_(error.message), "error")
        return redirect(_back())
    flash(_("The change is approved and applied."), "success")
    return redirect(url_for("webapp.admin_catalogue.dish", dish_id=change.dish_id))


@bp.post("/<int:change_id>/rejection")
@login_required(*POLICY.roles("reject"))
def reject(change_id: int):  # type: ignore[no-untyped-def]
    note = request.form.get("note", "").strip()[:500] or None
    try:
        change = decisions.reject(uow(), actor(), change_id, note)
    except Conflict as error:
        flash(_(error.message), "error")
        return redirect(_back())
    flash(_("The change is rejected."), "success")
    return redirect(url_for("webapp.admin_catalogue.dish", dish_id=change.dish_id))


def _back() -> str:
    dish_id = request.form.get("dish_id", type=int)
    return url_for("webapp.admin_catalogue.dish", dish_id=dish_id) if dish_id else url_for(
        "webapp.admin_catalogue.index")
