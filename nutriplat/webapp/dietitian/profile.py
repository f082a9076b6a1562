"""The client's profile: the person, address and contact, conditions and delivery notes,
through the client update (``clients.update_client``) with the version read, so a change
made meanwhile by someone else is refused rather than overwritten. A field emptied on the
form is cleared on the record."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat.auth.roles import DIETITIAN
from nutriplat.clients import services as clients
from nutriplat.clients.models import Client
from nutriplat.clients.schemas.clients import ProfileChangeSchema
from nutriplat.web import actor, uow
from nutriplat.webapp.dietitian import person_form
from nutriplat.webapp.forms import Form
from nutriplat.webapp.session import login_required

bp = Blueprint("client_profile", __name__, url_prefix="/dietitian/clients/<int:client_id>/profile")
CLEARABLE = ("external_ref", "phone", "email", "delivery_notes")
ADDRESS = ("street", "postal_code", "city", "country")


def _current(client: Client) -> Form:
    pairs: list[tuple[str, Any]] = [
        (name, getattr(client, name) or "") for name in ("external_ref", "given_name", "family_name", "sex",
                                                         *CLEARABLE[1:])]
    pairs += [("birth_date", client.birth_date.isoformat()), ("expected_version", client.version)]
    pairs += [(f"address.{part}", getattr(client, part) or "") for part in ADDRESS]
    pairs += [("conditions", c) for c in client.conditions or ()]
    return Form(pairs, lists=("conditions",))


@bp.route("", methods=["GET", "POST"])
@login_required(DIETITIAN)  # the dietitian's workspace; the service checks the use case
def edit(client_id: int) -> ResponseReturnValue:
    client = clients.get_client(uow(), actor(), client_id)  # 404/403 before anything else
    if request.method == "GET":
        return _page(client, _current(client))
    form = Form(request.form, lists=("conditions",), numbers=("expected_version",))
    with form.handling():
        clients.update_client(uow(), actor(), client_id, form.load(ProfileChangeSchema(), extra=_cleared(form)))
        flash(_("The profile is saved."), "success")
        return redirect(url_for("webapp.client.show", client_id=client_id))
    return _page(client, form)


def _cleared(form: Form) -> dict[str, Any]:
    """The emptied fields as the API's nulls: a blank field is otherwise left out (unchanged)."""
    cleared: dict[str, Any] = {name: None for name in CLEARABLE if not form.value(name).strip()}
    if not any(form.value(f"address.{part}").strip() for part in ADDRESS):
        cleared["address"] = None
    return cleared


def _page(client: Client, form: Form) -> ResponseReturnValue:
    return render_template("dietitian/profile.html", client=client, form=form,
                           **person_form.choices()), form.status
