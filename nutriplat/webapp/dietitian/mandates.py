"""A client's caregiver mandates and consents (``clients.consents``, as the API's
/clients/{id}/mandates and /consents): listed with their history, granted on the
client's word, withdrawn (kept, never deleted). Forms go through the API's schemas."""
from __future__ import annotations

from collections.abc import Callable

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
MANDATE, CONSENT = "mandate", "consent"  # the page's two sections, each with its form


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
    return _submit(client_id, MANDATE, Form(request.form, lists=("scopes",), numbers=("caregiver_id",)),
                   lambda form: consents.give_mandate(uow(), actor(), client_id, form.load(MandateSchema())),
                   _("The mandate is recorded."))


@bp.post("/mandates/<int:mandate_id>/withdraw")
@login_required(*POLICY.roles("withdraw_mandate"))
def withdraw_mandate(client_id: int, mandate_id: int) -> ResponseReturnValue:
    return _submit(client_id, MANDATE, Form(request.form),
                   lambda _form: consents.withdraw_mandate(uow(), actor(), client_id, mandate_id),
                   _("The mandate is withdrawn: the caregiver no longer sees or does anything for the client."))


@bp.post("/consents")
@login_required(*POLICY.roles("give_consent"))
def give_consent(client_id: int) -> ResponseReturnValue:
    return _submit(client_id, CONSENT, Form(request.form),
                   lambda form: consents.give_consent(uow(), actor(), client_id, form.load(ConsentSchema())),
                   _("The consent is recorded."))


@bp.post("/consents/<int:consent_id>/withdraw")
@login_required(*POLICY.roles("withdraw_consent"))
def withdraw_consent(client_id: int, consent_id: int) -> ResponseReturnValue:
    return _submit(client_id, CONSENT, Form(request.form),
                   lambda _form: consents.withdraw_consent(uow(), actor(), client_id, consent_id),
                   _("The consent is withdrawn."))


def _submit(client_id: int, section: str, form: Form, use_case: Callable[[Form], object],
            done: str) -> ResponseReturnValue:
    """Run the use case; its refusal is shown in the page's section it came from."""
    with form.handling():
        use_case(form)
        flash(done, "success")
        return redirect(url_for(".index", client_id=client_id, _anchor=f"h-{section}s"))
    return index(client_id, status=form.status, **{section: form})
