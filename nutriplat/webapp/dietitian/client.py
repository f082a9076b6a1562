"""The client page: profile, setting history, caregivers and consents, the weight
trend with the screening results on it, the latest targets and the timeline."""
from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, current_app, render_template
from flask.typing import ResponseReturnValue

from nutriplat.auth.roles import DIETITIAN
from nutriplat.clients import consents, measurements
from nutriplat.clients import services as clients
from nutriplat.clock import business_today
from nutriplat.errors import InvalidInput
from nutriplat.mealplans import services as mealplans
from nutriplat.screening import services as screening
from nutriplat.screening import target_review
from nutriplat.screening.models import Assessment, Screening
from nutriplat.timeline import reading as timeline
from nutriplat.web import actor, uow
from nutriplat.webapp.charts import weight_chart
from nutriplat.webapp.dietitian.client_texts import system_reason, targets_missing, timeline_details
from nutriplat.webapp.reads import OnePageReads
from nutriplat.webapp.session import login_required

bp = Blueprint("client", __name__, url_prefix="/dietitian/clients")
TIMELINE_DAYS = 30  # the page shows the last month; the API gives any period
bp.add_app_template_filter(timeline_details, "timeline_details")  # the timeline is on other pages too
bp.add_app_template_filter(system_reason, "system_reason")


@bp.get("/<int:client_id>")
@login_required(DIETITIAN)  # the dietitian's workspace: narrower than the API's readers
def show(client_id: int) -> ResponseReturnValue:
    targets, targets_missing_texts = None, []
    today = business_today()
    try:  # its own transaction: a missing weight is an answer here, not a failure of the page
        targets = target_review.get_targets(uow(), actor(), client_id, today)
    except InvalidInput as problem:  # no weight or height yet: say what is missing
        targets_missing_texts = targets_missing(problem, today)
    reads = OnePageReads(current_app.extensions["nutriplat"].session_factory)
    with reads:  # the rest in one transaction (see webapp.reads)
        client = clients.get_client(reads, actor(), client_id)  # 404/403 before anything else
        weights = measurements.list_measurements(reads, actor(), client_id, "weight_kg")
        screenings = screening.history(reads, actor(), client_id, Screening)
        assessments = screening.history(reads, actor(), client_id, Assessment)
        mandates = consents.list_mandates(reads, actor(), client_id)
        given = consents.list_consents(reads, actor(), client_id)
        plans = mealplans.list_weeks(reads, actor(), client_id, {})  # links only: no meals loaded
        recent = timeline.read_timeline(reads, actor(), client_id, {"from": today - timedelta(days=TIMELINE_DAYS)})
    return render_template(
        "dietitian/client.html", client=client, screenings=screenings, assessments=assessments,
        chart=weight_chart(weights, screenings), weights=weights, targets=targets,
        targets_missing=targets_missing_texts, mandates=mandates, consents=given, plans=plans,
        timeline=recent, timeline_days=TIMELINE_DAYS)
