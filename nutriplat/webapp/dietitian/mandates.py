"""A client's caregiver mandates and consents (``clients.consents``, as the API's
/clients/{id}/mandates and /consents): listed with their history, granted on the
client's word, withdrawn (kept, never deleted). Forms go through the API's schemas."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat.clients import consents
from nutriplat.clients import services as clients
from nutriplat.clients.policy import POLICY
from nutriplat.clients.schemas.consents import ConsentSchema, MandateSchema
from nutriplat.clients.vocabulary import CONSENT_PURPOSES, MANDATE_SCOPES
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.labels import label
from nutriplat.webapp.session import login_required

bp = Blueprint("mandates", __name__, url_prefix="/dietitian/clients/<int:client_id>")


@bp.get("/mandates")
@login_required(*POLICY.roles("give_mandate"))
def index(client_id: int, mandate: Form | None = None, consent: Form | None = None,
          status: int = 200) -> ResponseReturnValue:
    client = clients.get_client(uow(), actor(), client_id)  # 404/403 before anything else
    return render_template(
        "dietitian/mandates.html", client=client, mandate=mandate or Form(), consent=consent or Form(),
        mandates=consents.list_mandates(uow(), actor(), client_id),
        consents=consents.list_consents(uow(), actor(), client_id),
        caregivers=[(u.id, u.display_name or u.username)
                    for u in consents.mandate_candidates(uow(), actor(), client_id)],
        scopes=[(s, label("mandate_scope", s)) for s in MANDATE_SCOPES],
        purposes=[(p, label("consent", p)) for p in CONSENT_PURPOSES]), status


@bp.post("/mandates")
@login_required(*POLICY.roles("give_mandate"))
def give_mandate(client_id: int) -> ResponseReturnValue:
    form = Form(request.form, lists=("scopes",), numbers=("caregiver_id",))
    with form.handling():
        consents.give_mandate(uow(), actor(), client_id, form.load(MandateSchema()))
        flash(_("The mandate is recorded."), "success")
        return redirect(url_for(".index", client_id=client_id, _anchor="h-mandates"))
    return index(client_id, mandate=form, status=form.status)


@bp.post("/mandates/<int:mandate_id>/withdraw")
@login_required(*POLICY.roles("withdraw_mandate"))
def withdraw_mandate(client_id: int, mandate_id: int) -> ResponseReturnValue:
    form = Form(request.form)
    with form.handling():
        consents.withdraw_mandate(uow(), actor(), client_id, mandate_id)
        flash(_("The mandate is withdrawn: the caregiver no longer sees or does anything for the client."),
              "success")
        return redirect(url_for(".index", client_id=client_id, _anchor="h-mandates"))
    return index(client_id, mandate=form, status=form.status)


@bp.post("/consents")
@login_required(*POLICY.roles("give_consent"))
def give_consent(client_id: int) -> ResponseReturnValue:
    form = Form(request.form)
    with form.handling():
        consents.give_consent(uow(), actor(), client_id, form.load(ConsentSchema()))
        flash(_("The consent is recorded."), "success")
        return redirect(url_for(".index", client_id=client_id, _anchor="h-consents"))
    return index(client_id, consent=form, status=form.status)


@bp.post("/consents/<int:consent_id>/withdraw")
@login_required(*POLICY.roles("withdraw_consent"))
def withdraw_consent(client_id: int, consent_id: int) -> ResponseReturnValue:
    form = Form(request.form)
    with form.handling():
        consents.withdraw_consent(uow(), actor(), client_id, consent_id)
        flash(_("The consent is withdrawn."), "success")
        return redirect(url_for(".index", client_id=client_id, _anchor="h-consents"))
    return index(client_id, consent=form, status=form.status)
