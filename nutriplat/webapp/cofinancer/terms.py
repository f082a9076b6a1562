"""An agreement's terms as the cofinancer reads them before accepting: every version (its
indicators and how each is measured, cohort, outcomes, payment rules, the checksum of what
was proposed, what it changes against the version before) and the acceptance of the
proposed one (the API's ``lifecycle`` service)."""
from __future__ import annotations

from itertools import pairwise

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat.clock import business_today
from nutriplat.indicators import agreements, lifecycle, version_changes, versions
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
    stated = [versions.stated(agreement, v) for v in found]
    # what each version changes against the one before it, as the cofinancer reads it before accepting
    changed: list[list[version_changes.Change]] = [
        [], *(version_changes.changes(before, after) for before, after in pairwise(stated))]
    return render_template("cofinancer/terms.html", agreement=agreement, form=form,
                           versions=list(zip(found, stated, changed, strict=True)),
                           status=versions.status(agreement, business_today()),
                           may_accept=actor().role in POLICY.roles("accept_agreement")), form.status
