"""The dietitian's early-warning alerts (``monitoring.alerts``, as the API's /alerts):
filtered by client, rule and status with the API's own query schema; acknowledging one
(someone is on it) and resolving one with a note, each row's errors shown on its row."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from nutriplat.monitoring import alerts, rules
from nutriplat.monitoring.policy import POLICY
from nutriplat.monitoring.schemas.alerts import STATUSES, AlertActionSchema, AlertQuerySchema
from nutriplat.web import actor, uow
from nutriplat.webapp.dietitian.worklists import client_names
from nutriplat.webapp.forms import Form
from nutriplat.webapp.labels import label
from nutriplat.webapp.session import login_required

bp = Blueprint("dietitian_alerts", __name__, url_prefix="/dietitian/alerts")
SHOWN = 100  # a dietitian's caseload has far fewer alerts open at once
FILTERS = ("client_id", "rule", "status")
KEPT = "filter."  # the list's filters posted with a row's form


@bp.get("/")
@login_required(*POLICY.roles("acknowledge"))  # the page acts on the alerts
def index(form: Form | None = None, row: Form | None = None, status: int = 200) -> ResponseReturnValue:
    """``row``: a refused acknowledge/resolve, shown on the alert it was for."""
    form = form or Form([(k, v) for k, v in request.args.items(multi=True) if k in FILTERS],
                        lists=("status",), numbers=("client_id",))
    found: list[Any] = []
    total, clients = 0, {}
    with form.handling():
        filters = form.load(AlertQuerySchema())
        found, total = alerts.list_alerts(uow(), actor(), filters, 1, SHOWN)
        # The client filter offers the clients with alerts of the other filters.
        others = found if "client_id" not in filters else alerts.list_alerts(
            uow(), actor(), {k: v for k, v in filters.items() if k != "client_id"}, 1, SHOWN)[0]
        chosen = {filters["client_id"]} if "client_id" in filters else set()  # even without alerts
        clients = client_names(uow(), actor(), {a.client_id for a in [*found, *others]} | chosen)
    return render_template(
        "dietitian/alerts.html", alerts=found, total=total, shown=SHOWN, form=form, row=row or Form(),
        clients=sorted(clients.items(), key=lambda c: c[1]), names=clients,
        rules=[(r, label("rule", r)) for r in rules.RULES],
        statuses=[(s, label("alert_status", s)) for s in STATUSES]), status if form.ok else form.status


@bp.post("/<int:alert_id>/acknowledge")
@login_required(*POLICY.roles("acknowledge"))
def acknowledge(alert_id: int) -> ResponseReturnValue:
    return _act(alert_id, "acknowledge", _("The alert is acknowledged: you are on it."))


@bp.post("/<int:alert_id>/resolve")
@login_required(*POLICY.roles("resolve"))
def resolve(alert_id: int) -> ResponseReturnValue:
    return _act(alert_id, "resolve", _("The alert is resolved; the rule warns again only on new evidence."))


def _act(alert_id: int, action: str, done: str) -> ResponseReturnValue:
    row = Form([(k, v) for k, v in request.form.items(multi=True) if not k.startswith(KEPT)])
    with row.handling():
        alerts.act(uow(), actor(), alert_id, action, row.load(AlertActionSchema()).get("note"))
        flash(done, "success")
        kept: dict[str, Any] = dict(_kept_filters().lists())
        return redirect(url_for(".index", **kept) + f"#alert-{alert_id}")
    row.alert_id = alert_id  # which row shows the errors
    filters = Form(_kept_filters().items(multi=True), lists=("status",), numbers=("client_id",))
    return index(filters, row, row.status)


def _kept_filters() -> MultiDict[str, str]:
    """The list's filters travel with the row's form, so the page comes back as it was."""
    return MultiDict([(k[len(KEPT):], v) for k, v in request.form.items(multi=True)
                      if k.startswith(KEPT) and v])
