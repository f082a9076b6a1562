"""Recording a weight (or another measurement) and a meal's intake from the client page,
through the API's schemas and services (``clients.measurements``: each record sets off the
early warning); the latest records below the forms."""
from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat import food
from nutriplat.auth.roles import DIETITIAN
from nutriplat.clients import measurements
from nutriplat.clients import services as clients
from nutriplat.clients.schemas.measurements import IntakeSchema, MeasurementSchema
from nutriplat.clients.vocabulary import MEASUREMENT_TYPES
from nutriplat.clock import business_today, local_now
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form, brussels_moment
from nutriplat.webapp.labels import label
from nutriplat.webapp.reads import OnePageReads
from nutriplat.webapp.session import login_required

bp = Blueprint("client_records", __name__, url_prefix="/dietitian/clients/<int:client_id>/records")
INTAKE_DAYS = 14  # the intake shown below the form; the API gives any period
SHOWN_MEASUREMENTS = 10


@bp.get("")
@login_required(DIETITIAN)  # the dietitian's workspace; the service checks the use case
def show(client_id: int) -> ResponseReturnValue:
    return _page(client_id)


@bp.post("/measurements")
@login_required(DIETITIAN)  # the dietitian's workspace; the service checks the use case
def measurement(client_id: int) -> ResponseReturnValue:
    form = Form(request.form, numbers=("value",))
    with form.handling():
        extra = {"measured_at": brussels_moment(held)} if (held := form.value("measured_at").strip()) else {}
        measurements.record_measurement(uow(), actor(), client_id, form.load(MeasurementSchema(), extra))
        flash(_("The measurement is recorded."), "success")
        return redirect(url_for(".show", client_id=client_id))
    return _page(client_id, measuring=form)


@bp.post("/intake")
@login_required(DIETITIAN)  # the dietitian's workspace; the service checks the use case
def intake(client_id: int) -> ResponseReturnValue:
    form = Form(request.form, numbers=("percent_eaten", "duration_min", "fluid_ml"))
    with form.handling():
        measurements.record_intake(uow(), actor(), client_id, form.load(IntakeSchema()))
        flash(_("The intake is recorded."), "success")
        return redirect(url_for(".show", client_id=client_id))
    return _page(client_id, eating=form)


def _page(client_id: int, measuring: Form | None = None, eating: Form | None = None) -> ResponseReturnValue:
    today = business_today()
    with OnePageReads(current_app.extensions["nutriplat"].session_factory) as reads:
        client = clients.get_client(reads, actor(), client_id)  # 404/403 before anything else
        measured = measurements.list_measurements(reads, actor(), client_id)[-SHOWN_MEASUREMENTS:]
        eaten = measurements.list_intake(reads, actor(), client_id, today - timedelta(days=INTAKE_DAYS), today)
    return render_template(
        "dietitian/records.html", client=client, measured=list(reversed(measured)), eaten=list(reversed(eaten)),
        measuring=measuring or Form({"type": "weight_kg", "measured_at": local_now().strftime("%Y-%m-%dT%H:%M")}),
        eating=eating or Form({"date": today.isoformat()}), today=today.isoformat(), intake_days=INTAKE_DAYS,
        types=[(t, label("measurement_type", t)) for t in MEASUREMENT_TYPES],
        slots=[(s, label("meal_slot", s)) for s in food.MEAL_SLOTS],
    ), (measuring or eating or Form()).status
