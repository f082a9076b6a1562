"""The dietitian's coaching pages on a client (issue 18): record a coaching session (SOAP
notes and up to three agreed actions) and give the client or a caregiver an item of the
library, each through the API's schema and service; the timeline is on the client page."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat.clients import consents
from nutriplat.clients import services as clients
from nutriplat.coaching import sessions
from nutriplat.coaching.policy import POLICY as COACHING
from nutriplat.coaching.schemas import CoachingSessionSchema
from nutriplat.coaching.vocabulary import MODES, OWNERS
from nutriplat.content import assigning, library
from nutriplat.content.policy import POLICY as CONTENT
from nutriplat.content.schemas import ContentAssignmentSchema
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form, brussels_moment
from nutriplat.webapp.labels import label
from nutriplat.webapp.session import login_required

bp = Blueprint("coaching", __name__, url_prefix="/dietitian/clients/<int:client_id>")
ACTION_ROWS = 3


@bp.route("/coaching-sessions/new", methods=["GET", "POST"])
@login_required(*COACHING.roles("record_coaching_session"))
def new_session(client_id: int) -> ResponseReturnValue:
    client = clients.get_client(uow(), actor(), client_id)
    form = Form(request.form)
    if request.method == "POST":
        with form.handling():
            data = form.load(CoachingSessionSchema(), extra=_typed(form))
            sessions.record_session(uow(), actor(), client_id, data)
            flash(_("The coaching session is saved."), "success")
            return redirect(url_for("webapp.client.show", client_id=client_id))
    return render_template(
        "dietitian/coaching_session.html", client=client, form=form, rows=range(ACTION_ROWS),
        modes=[(m, label("coaching_mode", m)) for m in MODES],
        owners=[(o, label("action_owner", o)) for o in OWNERS]), form.status


@bp.route("/information", methods=["GET", "POST"])
@login_required(*CONTENT.roles("assign_content"))
def information(client_id: int) -> ResponseReturnValue:
    client = clients.get_client(uow(), actor(), client_id)
    form = Form(request.form, numbers=("content_item_id", "caregiver_id"))
    if request.method == "POST":
        with form.handling():
            assigning.assign(uow(), actor(), client_id, form.load(ContentAssignmentSchema()))
            flash(_("The information is given."), "success")
            return redirect(url_for("webapp.coaching.information", client_id=client_id))
    items, _count = library.list_items(uow(), actor(), {}, 1, None)
    return render_template(
        "dietitian/information.html", client=client, form=form, items=items,
        mandates=[m for m in consents.list_mandates(uow(), actor(), client_id) if m.withdrawn_at is None],
        given=assigning.list_assignments(uow(), actor(), client_id)), form.status


def _typed(form: Form) -> dict[str, Any]:
    """The session's time as the dietitian's Brussels time, and the filled-in action rows as
    the API's list (blank rows left out; row i keeps the name actions.i for its errors)."""
    extra: dict[str, Any] = {}
    if held := form.value("held_at").strip():
        extra["held_at"] = brussels_moment(held)
    actions = []
    for i in range(ACTION_ROWS):
        row = {key: form.value(f"actions.{i}.{key}").strip() for key in ("text", "owner", "due_on")}
        if row["text"] or row["due_on"]:
            actions.append({key: value for key, value in row.items() if value})
    extra["actions"] = actions
    return extra
