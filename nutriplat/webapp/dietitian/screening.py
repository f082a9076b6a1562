"""Screening forms, one per instrument, and GLIM: the score is shown as the form is
filled in (the server scores a preview; static/live.js swaps the fragment in) and
saved through the API's own services."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from nutriplat.clients import services as clients
from nutriplat.db import utcnow
from nutriplat.screening import services, worklist
from nutriplat.screening.policy import POLICY
from nutriplat.web import actor, uow
from nutriplat.webapp.dietitian.questions import EAT10_STATEMENTS, QUESTIONS, answers_from_form
from nutriplat.webapp.dietitian.screening_preview import GLIM, preview
from nutriplat.webapp.forms import Form
from nutriplat.webapp.labels import label
from nutriplat.webapp.session import login_required

bp = Blueprint("screening", __name__, url_prefix="/dietitian/clients/<int:client_id>")


@bp.get("/screening")
@login_required(*POLICY.roles("suggestion"))
def new(client_id: int):  # type: ignore[no-untyped-def]
    client = clients.get_client(uow(), actor(), client_id)
    suggestion = worklist.suggestion(uow(), actor(), client_id)
    return render_template("dietitian/screening_choose.html", client=client, suggestion=suggestion,
                           instruments=[code for code in QUESTIONS if code != GLIM])


@bp.route("/screening/<code>", methods=["GET", "POST"])
@login_required(*POLICY.roles("record_screening"))
def instrument(client_id: int, code: str):  # type: ignore[no-untyped-def]
    if code not in QUESTIONS or code == GLIM:
        abort(404)
    return _form_page(client_id, code)


@bp.route("/glim", methods=["GET", "POST"])
@login_required(*POLICY.roles("record_assessment"))
def glim(client_id: int):  # type: ignore[no-untyped-def]
    return _form_page(client_id, GLIM)


@bp.post("/screening/<code>/preview")
@login_required(*POLICY.roles("record_screening"))
def live_score(client_id: int, code: str):  # type: ignore[no-untyped-def]
    if code not in QUESTIONS:
        abort(404)
    outcome = preview(uow(), actor(), client_id, code, answers_from_form(code, request.form))
    return render_template("dietitian/_score.html", code=code, preview=outcome,
                           questions=QUESTIONS[code])


def _form_page(client_id: int, code: str):  # type: ignore[no-untyped-def]
    client = clients.get_client(uow(), actor(), client_id)
    form = Form(request.form)
    if request.method == "POST":
        with form.handling():
            answers = answers_from_form(code, request.form)
            if code == GLIM:
                saved = services.record_assessment(uow(), actor(), client_id, {
                    "method": GLIM, "answers": answers, "assessed_at": utcnow()})
                flash(_("GLIM saved: %(result)s.", result=label(
                    "risk", "malnourished" if saved.malnourished else "not_malnourished")), "success")
            else:
                saved = services.record_screening(uow(), actor(), client_id, {
                    "instrument": code, "answers": answers, "performed_at": utcnow()})
                flash(_("%(instrument)s saved: %(risk)s.", instrument=label("instrument", code),
                        risk=label("risk", saved.risk)), "success")
            return redirect(url_for("webapp.client.show", client_id=client_id))
        form.errors = {f"answers.{key}": reasons for key, reasons in form.errors.items()}
    return render_template("dietitian/screening_form.html", client=client, code=code, form=form,
                           questions=QUESTIONS[code], statements=EAT10_STATEMENTS), form.status


@bp.app_template_filter("pair_label")
def _pair_label(value: str) -> tuple[str, object]:
    return value, label("answer", value)


@bp.app_template_filter("pair_self")
def _pair_self(value: str) -> tuple[str, str]:
    return value, value


@bp.app_template_filter("question_label")
def _question_label(key: str, code: str) -> object:
    """An answer key, a points item (EAT-10's item_3) or a GLIM criterion, in words."""
    for q in QUESTIONS.get(code, ()):
        if q.key == key:
            return q.label
    if key.startswith("item_") and key[5:].isdigit():
        return EAT10_STATEMENTS[int(key[5:]) - 1]
    return {"low_bmi": _("low BMI"), "weight_loss": _("weight loss"),
            "reduced_muscle_mass": _("reduced muscle mass"), "reduced_intake": _("reduced intake"),
            "inflammation": _("inflammation")}.get(key, key.replace("_", " "))


@bp.app_template_filter("answer_text")
def _answer_text(value: object) -> object:
    from nutriplat.webapp.i18n import number

    if value is None:
        return "—"
    if isinstance(value, bool):
        return label("answer", str(value).lower())
    if isinstance(value, float):
        return number(value, 1)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(_answer_text(v)) for v in value)
    return label("answer", value)
