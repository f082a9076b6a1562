"""A client's care setting and status: a move between home, a nursing home and a hospital
(with the ward and room where the provider keeps the facility's wards) and a change of
status, each with its date and reason, through the transfer services
(``clients.lifecycle``); the histories below the forms."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat.auth.roles import DIETITIAN
from nutriplat.clients import lifecycle
from nutriplat.clients import services as clients
from nutriplat.clients.schemas.clients import StatusChangeSchema, TransferSchema
from nutriplat.clients.vocabulary import CARE_SETTINGS, STATUS_TRANSITIONS
from nutriplat.clock import business_today
from nutriplat.facilities import structure
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.labels import label
from nutriplat.webapp.session import login_required

bp = Blueprint("client_moves", __name__, url_prefix="/dietitian/clients/<int:client_id>/setting")


@bp.get("")
@login_required(DIETITIAN)  # the dietitian's workspace; the service checks the use case
def show(client_id: int) -> ResponseReturnValue:
    return _page(client_id)


@bp.post("/transfer")
@login_required(DIETITIAN)  # the dietitian's workspace; the service checks the use case
def transfer(client_id: int) -> ResponseReturnValue:
    form = Form(request.form, numbers=("ward_id",))
    with form.handling():
        move = lifecycle.transfer(uow(), actor(), client_id, form.load(TransferSchema()))
        flash(_("The move to %(setting)s is recorded.", setting=label("care_setting", move.to_setting)), "success")
        return redirect(url_for("webapp.client.show", client_id=client_id))
    return _page(client_id, moving=form)


@bp.post("/status")
@login_required(DIETITIAN)  # the dietitian's workspace; the service checks the use case
def status(client_id: int) -> ResponseReturnValue:
    form = Form(request.form)
    with form.handling():
        change = lifecycle.change_status(uow(), actor(), client_id, form.load(StatusChangeSchema()))
        flash(_("The status is now %(status)s.", status=label("client_status", change.to_status)), "success")
        return redirect(url_for("webapp.client.show", client_id=client_id))
    return _page(client_id, changing=form)


def _page(client_id: int, moving: Form | None = None, changing: Form | None = None) -> ResponseReturnValue:
    client = clients.get_client(uow(), actor(), client_id)  # 404/403 before anything else
    today = business_today().isoformat()
    wards = structure.list_wards(uow(), actor())
    return render_template(
        "dietitian/moves.html", client=client, today=today,
        moving=moving or Form({"transferred_on": today}), changing=changing or Form({"changed_on": today}),
        settings=[(s, label("care_setting", s)) for s in CARE_SETTINGS],
        wards=[(w.id, f"{w.name} ({label('care_setting', w.setting)})") for w in wards],
        statuses=[(s, label("client_status", s)) for s in STATUS_TRANSITIONS[client.status]],
    ), (moving or changing or Form()).status
