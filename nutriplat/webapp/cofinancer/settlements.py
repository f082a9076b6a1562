"""Settlement statements: the statements issued under an agreement, issuing one for a
complete period, and one statement with its calculation step by step and the
recomputation from its snapshot (the API's ``settlements`` service)."""
from __future__ import annotations

from decimal import Decimal

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from nutriplat.indicators import agreements, settlements
from nutriplat.indicators.policy import POLICY
from nutriplat.indicators.schemas.settlements import SettlementRequestSchema
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import NON_FIELD, Form
from nutriplat.webapp.session import login_required

bp = Blueprint("cofinancer_settlements", __name__, url_prefix="/cofinancer")


@bp.route("/agreements/<int:agreement_id>/settlements", methods=["GET", "POST"])
@login_required(*POLICY.roles("list_settlements"))  # and settle: the same parties
def index(agreement_id: int):  # type: ignore[no-untyped-def]
    agreement = agreements.get_agreement(uow(), actor(), agreement_id)
    form = Form(request.form)
    if request.method == "POST":
        with form.handling():
            period = form.load(SettlementRequestSchema())["period"]
            issued = settlements.settle(uow(), actor(), agreement_id, period)
            flash(_("The statement for %(period)s is issued.", period=issued.period), "success")
            return redirect(url_for(".show", settlement_id=issued.id))
        # "the cohort is too small" names the agreement, not a field of this form
        for name in [n for n in form.errors if n not in ("period", NON_FIELD)]:
            form.errors.setdefault(NON_FIELD, []).extend(form.errors.pop(name))
    return render_template("cofinancer/settlements.html", agreement=agreement, form=form,
                           settlements=settlements.list_settlements(uow(), actor(), agreement_id)), form.status


@bp.get("/settlements/<int:settlement_id>")
@login_required(*POLICY.roles("get_settlement"))
def show(settlement_id: int):  # type: ignore[no-untyped-def]
    settlement = settlements.get_settlement(uow(), actor(), settlement_id)
    agreement = agreements.get_agreement(uow(), actor(), settlement.agreement_id)
    return render_template("cofinancer/settlement.html", settlement=settlement, agreement=agreement,
                           statement=settlement.statement, Decimal=Decimal,
                           verification=settlements.verify(uow(), actor(), settlement_id))
