"""The staff survey's questions for a provider's admin: those asked this quarter, and a form
to revise them for the next quarter (the API's ``staff_questions`` service); every answer
keeps the version it answered, so earlier quarters stay comparable to what was asked."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat.errors import InvalidInput
from nutriplat.indicators import staff_questions
from nutriplat.indicators.policy import POLICY
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.session import login_required

bp = Blueprint("admin_staff_questions", __name__, url_prefix="/admin/staff-survey")
ROWS = staff_questions.MAX_QUESTIONS
PARTS = ("code", "nl", "en")


@bp.route("/questions", methods=["GET", "POST"])
@login_required(*POLICY.roles("revise_staff_survey"))
def questions() -> ResponseReturnValue:
    form = Form(request.form)
    if request.method == "POST":
        with form.handling():
            filled = [n for n in range(ROWS) if any(form.value(f"questions.{n}.{p}").strip() for p in PARTS)]
            given = [{p: form.value(f"questions.{n}.{p}").strip() for p in PARTS} for n in filled]
            try:
                stored = staff_questions.revise(uow(), actor(), given)
            except InvalidInput as refused:  # the service counts filled rows; the form names its own rows
                raise InvalidInput(refused.message, {_row_field(key, filled): reasons
                                                     for key, reasons in refused.errors.items()}) from None
            flash(_("Version %(version)s of the questions is asked from %(quarter)s on.",
                    version=stored.version, quarter=stored.effective_from), "success")
            return redirect(url_for(".questions"))
    asked, upcoming = staff_questions.current(uow(), actor()), staff_questions.upcoming(uow(), actor())
    if request.method == "GET":
        for n, question in enumerate(upcoming.questions):
            form.values.update({f"questions.{n}.{p}": question[p] for p in PARTS})
    labels = {f"questions.{n}.{p}": text for n in range(ROWS) for p, text in (
        ("code", _("Question %(n)s: code", n=n + 1)), ("nl", _("Question %(n)s in Dutch", n=n + 1)),
        ("en", _("Question %(n)s in English", n=n + 1)))}
    return render_template("admin/staff_questions.html", form=form, asked=asked, upcoming=upcoming, rows=ROWS,
                           labels=labels, next_quarter=staff_questions.next_quarter().label), form.status


def _row_field(key: str, filled: list[int]) -> str:
    parts = key.split(".")
    if len(parts) == 3 and parts[0] == "questions" and parts[1].isdigit():
        return f"questions.{filled[int(parts[1])]}.{parts[2]}"
    return key
