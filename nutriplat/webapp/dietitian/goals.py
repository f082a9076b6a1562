"""Goals set with the client (``monitoring.goals``, as the API's /clients/{id}/goals): a
measurable target in a domain over a period; progress reported for a counted goal (the
record measures the others); closing a goal that no longer applies. Each form goes
through the API's schema, and a goal row's errors are shown on its row."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat.clients import services as clients
from nutriplat.clock import business_today
from nutriplat.monitoring import goal_rules, goals
from nutriplat.monitoring.policy import POLICY
from nutriplat.monitoring.schemas.goals import GoalProgressSchema, GoalSchema
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.labels import label
from nutriplat.webapp.session import login_required

bp = Blueprint("goals", __name__, url_prefix="/dietitian/clients/<int:client_id>/goals")


@bp.route("", methods=["GET", "POST"])
@login_required(*POLICY.roles("set_goal"))
def index(client_id: int) -> ResponseReturnValue:
    form = Form(request.form, numbers=("target", "coins"))
    if request.method == "POST":
        with form.handling():
            goals.set_goal(uow(), actor(), client_id, form.load(GoalSchema()))
            flash(_("The goal is set."), "success")
            return redirect(url_for(".index", client_id=client_id))
    return _page(client_id, form, Form(), form.status)


@bp.post("/<int:goal_id>/progress")
@login_required(*POLICY.roles("report_progress"))
def progress(client_id: int, goal_id: int) -> ResponseReturnValue:
    row = Form(request.form, numbers=("value",))
    with row.handling():
        goals.report_progress(uow(), actor(), client_id, goal_id, row.load(GoalProgressSchema()))
        flash(_("The progress is recorded."), "success")
        return redirect(url_for(".index", client_id=client_id, _anchor=f"goal-{goal_id}"))
    row.goal_id = goal_id  # which row shows the errors
    return _page(client_id, Form(), row, row.status)


@bp.post("/<int:goal_id>/close")
@login_required(*POLICY.roles("cancel_goal"))
def close(client_id: int, goal_id: int) -> ResponseReturnValue:
    row = Form(request.form)
    with row.handling():
        goals.cancel(uow(), actor(), client_id, goal_id)
        flash(_("The goal is closed."), "success")
        return redirect(url_for(".index", client_id=client_id, _anchor=f"goal-{goal_id}"))
    row.goal_id = goal_id
    return _page(client_id, Form(), row, row.status)


def _page(client_id: int, form: Form, row: Form, status: int) -> ResponseReturnValue:
    client = clients.get_client(uow(), actor(), client_id)  # 404/403 before anything else
    return render_template(
        "dietitian/goals.html", client=client, form=form, row=row, today=business_today(),
        goals=goals.list_goals(uow(), actor(), client_id), metrics=goal_rules.METRICS,
        domains=[(d, label("goal_domain", d)) for d in goal_rules.DOMAINS],
        metric_options=[(m, label("goal_metric", m)) for m in goal_rules.METRICS],
        directions=[(d, label("goal_direction", d)) for d in goal_rules.DIRECTIONS]), status
