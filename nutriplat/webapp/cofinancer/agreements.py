"""The agreements a cofinancer is party to, each agreement's indicator dashboard with
trend charts, and the report as CSV or Excel: the API's services and exports."""
from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, Response, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat.clock import business_today
from nutriplat.errors import NotFound
from nutriplat.indicators import agreements, exports, reports, versions
from nutriplat.indicators.policy import POLICY
from nutriplat.indicators.reports import Report
from nutriplat.indicators.suppression import THRESHOLD
from nutriplat.web import actor, uow
from nutriplat.webapp.cofinancer.dashboard import arrange, places, suppressed_count
from nutriplat.webapp.forms import Form
from nutriplat.webapp.session import login_required

bp = Blueprint("cofinancer_agreements", __name__, url_prefix="/cofinancer/agreements")
DOWNLOADS: dict[str, tuple[str, Callable[[Report], str | bytes]]] = {
    "csv": ("text/csv", exports.as_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", exports.as_xlsx)}


@bp.get("/")
@login_required(*POLICY.roles("list_agreements"))
def index() -> ResponseReturnValue:
    today = business_today()
    return render_template("cofinancer/agreements.html", agreements=agreements.list_agreements(uow(), actor()),
                           status=lambda agreement: versions.status(agreement, today))


@bp.get("/<int:agreement_id>")
@login_required(*POLICY.roles("indicator_report"))
def dashboard(agreement_id: int) -> ResponseReturnValue:
    agreement = agreements.get_agreement(uow(), actor(), agreement_id)
    form = Form(request.args)
    found, views, periods = None, [], []
    with form.handling():
        found = reports.indicator_report(uow(), actor(), agreement_id, form.value("period") or None)
        periods = list(dict.fromkeys([found.baseline_period, found.period]))
        views = arrange(found.indicators, found.rows, periods)
        form.values["period"] = found.period
    return render_template("cofinancer/dashboard.html", agreement=agreement, form=form, report=found,
                           views=views, periods=periods, hidden=suppressed_count(views),
                           threshold=THRESHOLD, places=places), form.status


@bp.get("/<int:agreement_id>/trend/<code>.png")
@login_required(*POLICY.roles("trends"))
def trend(agreement_id: int, code: str) -> ResponseReturnValue:
    found = reports.trends(uow(), actor(), agreement_id, request.args.get("period") or None)
    definition = next((d for d in found.definitions if d.code == code), None)
    if definition is None:
        raise NotFound(_("This agreement follows no indicator %(code)s.", code=code))
    return Response(exports.trend_png(definition, found.series[code], found.targets[code]),
                    mimetype="image/png")


@bp.get("/<int:agreement_id>/report.<any(csv, xlsx):kind>")
@login_required(*POLICY.roles("indicator_report"))
def download(agreement_id: int, kind: str) -> ResponseReturnValue:
    found = reports.indicator_report(uow(), actor(), agreement_id, request.args.get("period") or None)
    mimetype, render = DOWNLOADS[kind]
    return Response(render(found), mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="indicators-{found.agreement_id}-{found.period}.{kind}"'})
