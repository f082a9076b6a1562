"""Correcting a screening's or a GLIM assessment's answers (``record_screening`` /
``record_assessment`` with ``corrects_id``, as the API's POSTs): the form filled in with
what was answered, and the reason for the correction. The original never changes; the
correction is a new result naming it, with its reason, and the audit log says so."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from marshmallow import Schema

from nutriplat.clients import services as clients
from nutriplat.clients.models import Client
from nutriplat.screening import services
from nutriplat.screening.policy import POLICY
from nutriplat.screening.schemas.results import AssessmentRequestSchema, ScreeningRequestSchema
from nutriplat.web import actor, uow
from nutriplat.webapp.dietitian.questions import EAT10_STATEMENTS, QUESTIONS, answers_from_form, form_from_answers
from nutriplat.webapp.dietitian.screening_preview import GLIM
from nutriplat.webapp.forms import NON_FIELD, Form
from nutriplat.webapp.i18n import moment
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
    intro = _("You correct the screening of %(date)s (score %(score)s). It stays in the record; the "
              "correction replaces its result.", date=moment(original.performed_at, "short"),
              score="—" if original.total_score is None else original.total_score)

    def saved(fixed: Any) -> str:
        return _("The correction is saved: %(instrument)s, %(risk)s.", instrument=label("instrument", code),
                 risk=label("risk", fixed.risk))
    return _page(client, code, original, intro, ScreeningRequestSchema(), {
        "instrument": code, "performed_at": original.performed_at.isoformat()},
        services.record_screening, saved, "screening")


@bp.route("/assessments/<int:assessment_id>/correct", methods=["GET", "POST"])
@login_required(*POLICY.roles("record_assessment"))
def correct_glim(client_id: int, assessment_id: int) -> ResponseReturnValue:
    client = clients.get_client(uow(), actor(), client_id)  # 404/403 before anything else
    original = services.get_assessment(uow(), actor(), assessment_id)
    if original.client_id != client.id or original.method != GLIM:
        abort(404)
    intro = _("You correct the GLIM assessment of %(date)s (%(result)s). It stays in the record; the "
              "correction replaces its result.", date=moment(original.assessed_at, "short"),
              result=_malnourished(original))

    def saved(fixed: Any) -> str:
        return _("The correction is saved: GLIM, %(result)s.", result=_malnourished(fixed))
    return _page(client, GLIM, original, intro, AssessmentRequestSchema(), {
        "method": GLIM, "assessed_at": original.assessed_at.isoformat()},
        services.record_assessment, saved, "assessment")


def _malnourished(assessment: Any) -> str:
    return str(label("risk", "malnourished" if assessment.malnourished else "not_malnourished"))


def _page(client: Client, code: str, original: Any, intro: str, schema: Schema, fixed_fields: dict[str, Any],
          record: Callable[..., Any], saved: Callable[[Any], str], anchor: str) -> ResponseReturnValue:
    """The correction form of either kind: the answers as first given, the reason, and the
    result recorded through the API's own service (its errors next to the fields)."""
    if request.method == "GET":
        form = Form(form_from_answers(code, original.answers))
    else:
        form = Form(request.form)
        with form.handling():
            data = form.load(schema, extra=fixed_fields | {
                "answers": answers_from_form(code, request.form), "corrects_id": original.id})
            fixed = record(uow(), actor(), client.id, data)
            flash(saved(fixed), "success")
            return redirect(url_for("webapp.client.show", client_id=client.id, _anchor=f"{anchor}-{fixed.id}"))
        form.errors = {k if k in OWN_FIELDS or k.startswith("answers.") else f"answers.{k}": v
                       for k, v in form.errors.items()}
    return render_template("dietitian/screening_form.html", client=client, code=code, form=form,
                           questions=QUESTIONS[code], statements=EAT10_STATEMENTS, correcting=original,
                           correcting_intro=intro), form.status
