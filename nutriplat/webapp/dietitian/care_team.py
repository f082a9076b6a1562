"""A client's care team for the dietitian (``careteam.members``, as the API's
/clients/{id}/care-team): who is told of the client's alerts, each with their consent;
adding a GP, home nurse, facility or caregiver once the client agreed; withdrawing it."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat.auth.roles import DIETITIAN
from nutriplat.careteam import candidates, members
from nutriplat.careteam.domain import MEMBER_KINDS
from nutriplat.careteam.schemas import MemberSchema
from nutriplat.clients import services as clients
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.labels import label
from nutriplat.webapp.session import login_required

bp = Blueprint("care_team", __name__, url_prefix="/dietitian/clients")


def _page(client_id: int, form: Form | None = None) -> ResponseReturnValue:
    client = clients.get_client(uow(), actor(), client_id)  # 404/403 before anything else
    people = candidates.candidates(uow(), actor(), client_id)
    return render_template(
        "dietitian/care_team.html", client=client, members=members.list_members(uow(), actor(), client_id),
        form=form or Form(), kinds=[(k, label("told_as", k)) for k in MEMBER_KINDS],
        people=[(p.user_id, f"{p.name} ({p.organisation or label('told_as', 'caregiver')})") for p in people],
    ), form.status if form else 200


@bp.get("/<int:client_id>/care-team")
@login_required(DIETITIAN)
def show(client_id: int) -> ResponseReturnValue:
    return _page(client_id)


@bp.post("/<int:client_id>/care-team")
@login_required(DIETITIAN)
def add(client_id: int) -> ResponseReturnValue:
    form = Form(request.form, numbers=("user_id",))
    with form.handling():
        member = members.add_member(uow(), actor(), client_id, form.load(MemberSchema()))
        flash(_("%(name)s is in the care team and is told of the alerts their role is routed.", name=member.name),
              "success")
        return redirect(url_for(".show", client_id=client_id))
    return _page(client_id, form)


@bp.post("/<int:client_id>/care-team/<int:member_id>/withdraw")
@login_required(DIETITIAN)
def withdraw(client_id: int, member_id: int) -> ResponseReturnValue:
    member = members.withdraw_consent(uow(), actor(), client_id, member_id)
    flash(_("Consent withdrawn: %(name)s is told of no later alert.", name=member.name), "success")
    return redirect(url_for(".show", client_id=client_id))
