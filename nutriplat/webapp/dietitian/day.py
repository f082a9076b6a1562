"""The dietitian's day: cases ranked by risk, screenings due, open alerts, plans to
approve; and the client list with search."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat.auth.roles import DIETITIAN
from nutriplat.clients import services as clients
from nutriplat.clients.models import Client
from nutriplat.clients.schemas.clients import ClientQuerySchema
from nutriplat.clients.vocabulary import STATUSES
from nutriplat.clock import business_today
from nutriplat.monitoring import alerts, cases
from nutriplat.monitoring.policy import POLICY as MONITORING
from nutriplat.monitoring.schemas.cases import ResolveSchema, SnoozeSchema
from nutriplat.portal import messages
from nutriplat.screening import worklist
from nutriplat.screening.rescreening import tasks as rescreening
from nutriplat.web import actor, uow
from nutriplat.webapp.dietitian import worklists
from nutriplat.webapp.forms import Form
from nutriplat.webapp.session import login_required

bp = Blueprint("dietitian", __name__, url_prefix="/dietitian")
PAGE_SIZE = 25
SEARCH_FIELDS = ("search", "postal_code", "status", "birth_date")


@bp.get("/")
@login_required(DIETITIAN)  # the dietitian's workspace: narrower than the API's readers
def day() -> ResponseReturnValue:
    today = business_today()
    due, due_total = worklist.due_before(uow(), actor(), today, 1, PAGE_SIZE)
    # The 06:00 work list first: tasks assigned to me or to nobody; the live list adds the rest.
    tasks, tasks_total = rescreening.list_tasks(uow(), actor(), "open", True, 1, PAGE_SIZE, unassigned_too=True)
    open_alerts, alerts_total = alerts.list_alerts(uow(), actor(), {"status": ["open"]}, 1, PAGE_SIZE)
    # Cases first: one per client, highest risk on top, what should be done today.
    ranked, cases_total = cases.list_cases(uow(), actor(), {"status": "open"}, 1, PAGE_SIZE)
    names = worklists.client_names(uow(), actor(), {a.client_id for a in open_alerts} | {c.client_id for c in ranked})
    drafts = worklists.drafts_to_approve(uow(), actor())
    return render_template("dietitian/day.html", today=today, due=due, due_total=due_total,
                           tasks=tasks, tasks_total=tasks_total, listed={t.client.id for t in tasks},
                           cases=ranked, cases_total=cases_total,
                           alerts=open_alerts, alerts_total=alerts_total, names=names,
                           drafts=drafts, unread=messages.unread_for_dietitian(uow(), actor()))


@bp.get("/clients")
@login_required(DIETITIAN)  # the dietitian's workspace: narrower than the API's readers
def clients_list() -> ResponseReturnValue:
    """Search by part of a name, a client number, a postcode or a date of birth, and by status; the
    API's query schema checks the fields and its errors are shown next to them."""
    form = Form((k, v) for k, v in request.args.items(multi=True) if k in SEARCH_FIELDS)
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    found: list[Client] = []
    total = 0
    with form.handling():
        found, total = clients.list_clients(uow(), actor(), form.load(ClientQuerySchema()),
                                            page, PAGE_SIZE)
    query = form.data()  # kept on the page links
    return render_template("dietitian/clients.html", clients=found, total=total, page=page,
                           pages=max(1, -(-total // PAGE_SIZE)), form=form, query=query,
                           statuses=STATUSES), form.status


@bp.post("/cases/<int:case_id>/snooze")
@login_required(*MONITORING.roles("snooze_case"))
def snooze_case(case_id: int) -> ResponseReturnValue:
    form = Form(request.form)
    with form.handling():
        data = form.load(SnoozeSchema())
        cases.snooze(uow(), actor(), case_id, data["until"], data["reason"])
        flash(_("The case is snoozed."), "success")
    return _back_to_the_day(form)


@bp.post("/cases/<int:case_id>/resolve")
@login_required(*MONITORING.roles("resolve_case"))
def resolve_case(case_id: int) -> ResponseReturnValue:
    form = Form(request.form)
    with form.handling():
        data = form.load(ResolveSchema())
        cases.resolve(uow(), actor(), case_id, data["outcome"], data.get("note"))
        flash(_("The case is resolved."), "success")
    return _back_to_the_day(form)


def _back_to_the_day(form: Form) -> ResponseReturnValue:
    """The day lists every case: a form's errors are shown there, above the list."""
    if form.message:
        flash(form.message, "error")
    for field, reasons in form.errors.items():
        for reason in reasons:
            flash(f"{field}: {reason}", "error")
    return redirect(url_for(".day", _anchor="h-cases"))
