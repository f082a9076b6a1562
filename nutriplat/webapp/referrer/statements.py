"""A referrer organisation's (or the development fund's) monthly statement from the
ledger — the API's ``billing.statements`` — on a page and as CSV. Lines name the
referral, never the client."""
from __future__ import annotations

from flask import Blueprint, Response, render_template, request
from flask.typing import ResponseReturnValue

from nutriplat.auth.roles import FUND, REFERRER
from nutriplat.billing import fund, statement_sheets, statements
from nutriplat.billing.schemas.ledger import StatementQuerySchema
from nutriplat.clock import business_today
from nutriplat.periods import Month
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.session import login_required

bp = Blueprint("referrer_statements", __name__, url_prefix="/statements")


def _month_form() -> Form:
    return Form(request.args or {"month": str(Month.of(business_today()).previous())})


@bp.get("/")
@login_required(REFERRER, FUND)
def index() -> ResponseReturnValue:
    form = _month_form()
    found, position = None, None
    with form.handling():
        month = form.load(StatementQuerySchema())["month"]
        if actor().role == FUND:
            position = fund.position(uow(), actor(), month)
            found = position.statements
        else:
            found = statements.statements(uow(), actor(), month, None)
    return render_template("referrer/statements.html", form=form, statements=found, position=position), form.status


@bp.get("/csv")
@login_required(REFERRER, FUND)
def download() -> ResponseReturnValue:
    form = _month_form()
    with form.handling():
        month = form.load(StatementQuerySchema())["month"]
        found = statements.statements(uow(), actor(), month, None)
        return Response(statement_sheets.to_csv(found), mimetype="text/csv", headers={
            "Content-Disposition": f'attachment; filename="statement-{month}.csv"'})
    return render_template("referrer/statements.html", form=form, statements=None, position=None), form.status
