"""An agreement's terms as the cofinancer reads them before accepting: every version
(targets, payment rules, the checksum of what was proposed) and the acceptance of the
proposed one (the API's ``lifecycle`` service)."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat.clock import business_today
from nutriplat.indicators import agreements, lifecycle, versions
from nutriplat.indicators.policy import POLICY
from nutriplat.indicators.schemas.agreements import AcceptanceSchema
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.session import login_required

bp = Blueprint("cofinancer_terms", __name__, url_prefix="/cofinancer/agreements")


@bp.route("/<int:agreement_id>/terms", methods=["GET", "POST"])
@login_required(*POLICY.roles("list_versions"))  # accepting: the cofinancer only (the service checks)
def terms(agreement_id: int) -> ResponseReturnValue:
    agreement = agreements.get_agreement(uow(), actor(), agreement_id)
    form = Form(request.form)
    if request.method == "POST":
        with form.handling():
            seen = form.load(AcceptanceSchema())
            accepted = lifecycle.accept(uow(), actor(), agreement_id, seen.get("version"), seen.get("checksum"))
            flash(_("You accepted version %(version)s of the agreement.", version=accepted.versions[-1].version),
                  "success")
            return redirect(url_for(".terms", agreement_id=agreement_id))
    found = lifecycle.list_versions(uow(), actor(), agreement_id)
    return render_template("cofinancer/terms.html", agreement=agreement, versions=found, form=form,
                           status=versions.status(agreement, business_today()),
                           may_accept=actor().role in POLICY.roles("accept_agreement")), form.status
