"""The quarterly staff survey on a phone: the questions in force (data, ``staff_questions``)
on a 1–5 scale, answered once a
quarter by dietitians, drivers and kitchen staff (the API's ``staff_survey`` service)."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from nutriplat.indicators import staff_questions, staff_survey
from nutriplat.indicators.policy import POLICY
from nutriplat.indicators.schemas.staff_survey import AnswerSchema
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.session import login_required

bp = Blueprint("staff_survey", __name__, url_prefix="/staff")

GROUP_TEXT = {"dietitian": _l("dietitian"), "driver": _l("driver"), "kitchen": _l("kitchen staff")}


@bp.route("/survey", methods=["GET", "POST"])
@login_required(*POLICY.roles("answer_staff_survey"))
def survey() -> ResponseReturnValue:
    asked = staff_questions.current(uow(), actor())  # the questions are data: the version in force
    language = "nl" if str(get_locale()).startswith("nl") else "en"
    texts = {q["code"]: q[language] for q in asked.questions}
    form = Form(request.form, numbers=tuple(f"answers.{q}" for q in asked.codes))
    if request.method == "POST":
        with form.handling():
            data = form.load(AnswerSchema())
            given = staff_survey.submit(uow(), actor(), data["staff_group"], data["answers"])
            flash(_("Thank you: your answers for %(period)s are in. The next survey opens next quarter.",
                    period=given.period), "success")
            return redirect(url_for(".survey"))
    groups = staff_survey.GROUPS.get(actor().role, ())
    if len(groups) == 1 and not form.value("staff_group"):
        form.values["staff_group"] = groups[0]
    scale = [(n, str(n)) for n in range(1, 6)]
    scale[0], scale[-1] = (1, _("1 · not at all")), (5, _("5 · fully"))
    labels = {"staff_group": _("I work as"), **{f"answers.{q}": text for q, text in texts.items()}}
    return render_template("staff/survey.html", form=form, questions=texts, scale=scale, labels=labels,
                           groups=[(g, GROUP_TEXT[g]) for g in groups],
                           quarter=staff_survey.current_quarter().label), form.status
