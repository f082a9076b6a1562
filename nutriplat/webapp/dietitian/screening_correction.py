"""Correcting a screening's answers (``screening.services.record_screening`` with
``corrects_id``, as the API's POST /clients/{id}/screenings): the instrument's form filled
in with what was answered, and the reason for the correction. The original never changes;
the correction is a new result naming it, with its reason, and the audit log says so."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat.clients import services as clients
from nutriplat.screening import services
from nutriplat.screening.policy import POLICY
from nutriplat.screening.schemas.results import ScreeningRequestSchema
from nutriplat.web import actor, uow
from nutriplat.webapp.dietitian.questions import EAT10_STATEMENTS, QUESTIONS, answers_from_form, form_from_answers
from nutriplat.webapp.forms import NON_FIELD, Form
from nutriplat.webapp.labels import label
from nutriplat.webapp.session import login_required

bp = Blueprint("screening_correction", __name__, url_prefix="/dietitian/clients/<int:client_id>")
OWN_FIELDS = ("correction_reason", "corrects_id", NON_FIELD)  # the rest are the answers' errors


@bp.route("/screenings/<int:screening_id>/correct", methods=["GET", "POST"])
@login_required(*POLICY.roles("record_screening"))
def correct(client_id: int, screening_id: int) -> ResponseReturnValue:
    client = clients.get_client(uow(), actor(), client_id)  # 404/403 before anything else
    original = services.get_screening(uow(), actor(), screening_id)
    if original.client_id != client.id or original.instrument not in QUESTIONS:
        abort(404)
    code = original.instrument
    if request.method == "GET":
        form = Form(form_from_answers(code, original.answers))
    else:
        form = Form(request.form)
        with form.handling():
            data = form.load(ScreeningRequestSchema(), extra={
                "instrument": code, "answers": answers_from_form(code, request.form),
                "performed_at": original.performed_at.isoformat(), "corrects_id": original.id})
            fixed = services.record_screening(uow(), actor(), client_id, data)
            flash(_("The correction is saved: %(instrument)s, %(risk)s.", instrument=label("instrument", code),
                    risk=label("risk", fixed.risk)), "success")
            return redirect(url_for("webapp.client.show", client_id=client_id, _anchor=f"screening-{fixed.id}"))
        form.errors = {k if k in OWN_FIELDS or k.startswith("answers.") else f"answers.{k}": v
                       for k, v in form.errors.items()}
    return render_template("dietitian/screening_form.html", client=client, code=code, form=form,
                           questions=QUESTIONS[code], statements=EAT10_STATEMENTS, correcting=original), form.status
