"""The dietitian's side of a client's message thread: read (which marks the client's
messages read) and answer."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat.auth.roles import DIETITIAN
from nutriplat.clients import services as clients
from nutriplat.portal import messages
from nutriplat.portal.schemas import MessageSchema
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.session import login_required

bp = Blueprint("portal_thread", __name__, url_prefix="/dietitian/clients")


@bp.route("/<int:client_id>/messages", methods=["GET", "POST"])
@login_required(DIETITIAN)  # the dietitian's workspace: narrower than the API's readers
def show(client_id: int) -> ResponseReturnValue:
    client = clients.get_client(uow(), actor(), client_id)
    form = Form(request.form)
    if request.method == "POST":
        with form.handling():
            messages.send_message(uow(), actor(), client_id, form.load(MessageSchema())["body"])
            flash(_("Sent to %(name)s.", name=client.given_name), "success")
            return redirect(url_for(".show", client_id=client_id))
    return render_template("portal/thread.html", client=client, form=form,
                           thread=messages.list_messages(uow(), actor(), client_id)), form.status
