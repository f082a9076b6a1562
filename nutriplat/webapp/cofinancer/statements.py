"""The cofinancer's monthly billing statement: what it owes the provider (its share of
its clients' invoices, itemised per agreement with client counts) and what the
provider owes it — the API's ``billing.statements`` service, totals and lines only."""
from __future__ import annotations

from flask import Blueprint, render_template, request

from nutriplat.auth.roles import COFINANCER
from nutriplat.billing import statements
from nutriplat.periods import Month
from nutriplat.billing.schemas.ledger import StatementQuerySchema
from nutriplat.clock import business_today
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.session import login_required

bp = Blueprint("cofinancer_statements", __name__, url_prefix="/cofinancer/statements")


@bp.get("/")
# Narrower than the API's ``statements`` (admins too): this page is the cofinancer's own;
# a provider's admin reads statements through the API.
@login_required(COFINANCER)
def index():  # type: ignore[no-untyped-def]
    form = Form(request.args or {"month": str(Month.of(business_today()).previous())})
    found = None
    with form.handling():
        month = form.load(StatementQuerySchema())["month"]
        found = statements.statements(uow(), actor(), month, None)
    return render_template("cofinancer/statements.html", form=form, statements=found), form.status
