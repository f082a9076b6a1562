"""Registering a new client: the API's client create form, with a step before saving
when the person may already be a client (same family name, birth date and postal code,
``clients.duplicates``): the page lists them with links, and saves only when the
dietitian confirms this is a new person. Referrals are accepted in the referral inbox."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat.auth.roles import DIETITIAN
from nutriplat.clients import duplicates
from nutriplat.clients import services as clients
from nutriplat.clients.models import Client
from nutriplat.clients.schemas.clients import ClientSchema
from nutriplat.web import actor, uow
from nutriplat.webapp.dietitian import person_form
from nutriplat.webapp.forms import Form
from nutriplat.webapp.session import login_required

bp = Blueprint("client_registration", __name__, url_prefix="/dietitian/clients/new")
NEW_PERSON = "new_person"  # the confirmation: carries the ids of the duplicates the dietitian saw


@bp.route("", methods=["GET", "POST"])
@login_required(DIETITIAN)  # the dietitian's workspace; the service checks the use case
def new() -> ResponseReturnValue:
    if request.method == "GET":
        return _page(Form({"care_setting": "home", "status": "referred", "address.country": "BE",
                           "iddsi_food_level": "7", "iddsi_drink_level": "0"}, lists=person_form.LISTS))
    form = Form([(k, v) for k, v in request.form.items(multi=True) if k != NEW_PERSON], lists=person_form.LISTS)
    found: list[Client] = []
    with form.handling():
        data = form.load(ClientSchema())
        found = duplicates.find_duplicates(uow(), actor(), data["family_name"], data["birth_date"],
                                           (data.get("address") or {}).get("postal_code"))
        if not found or {c.id for c in found} <= _seen(request.form.get(NEW_PERSON, "")):
            client = clients.create_client(uow(), actor(), data)
            name = " ".join((client.given_name, client.family_name))
            flash(_("%(name)s is registered as client %(id)d.", name=name, id=client.id), "success")
            return redirect(url_for("webapp.client.show", client_id=client.id))
    return _page(form, found)


def _seen(text: str) -> set[int]:
    """The duplicates listed when the dietitian confirmed: one found since is shown again."""
    return {int(part) for part in text.split(",") if part.isdigit()}


def _page(form: Form, found: list[Client] | None = None) -> ResponseReturnValue:
    context: dict[str, Any] = person_form.choices()
    return render_template("dietitian/client_new.html", form=form, found=found or [],
                           seen=",".join(str(c.id) for c in found or []), **context), form.status
