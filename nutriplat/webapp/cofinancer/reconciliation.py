"""The reconciliation of a cofinancer's own figures with the platform's, as the cofinancer
sees it: per source, measure and month, counts and the total difference, small cells hidden
(the API's ``reconciliation`` service; the per-row report stays with the provider)."""
from __future__ import annotations

from flask import Blueprint, render_template
from flask.typing import ResponseReturnValue

from nutriplat.indicators import agreements, reconciliation
from nutriplat.indicators.policy import POLICY
from nutriplat.indicators.suppression import THRESHOLD
from nutriplat.web import actor, uow
from nutriplat.webapp.session import login_required

bp = Blueprint("cofinancer_reconciliation", __name__, url_prefix="/cofinancer/agreements")


@bp.get("/<int:agreement_id>/reconciliation")
@login_required(*POLICY.roles("reconciliation_summary"))
def summary(agreement_id: int) -> ResponseReturnValue:
    agreement = agreements.get_agreement(uow(), actor(), agreement_id)
    cells = reconciliation.reconciliation_summary(uow(), actor(), agreement_id)
    return render_template("cofinancer/reconciliation.html", agreement=agreement, cells=cells, threshold=THRESHOLD)
