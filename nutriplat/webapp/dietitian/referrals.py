"""The dietitian's inbox of new referrals (``referrals.triage``): accept — registering the
person as a client, or, when likely duplicates are found, linking one of them or
registering anyway — or decline with a reason the referrer reads."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat.auth.roles import DIETITIAN
from nutriplat.clients import vocabulary as client_vocabulary
from nutriplat.referrals import referring, triage
from nutriplat.referrals.schemas import AcceptSchema, DeclineSchema
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.labels import label
from nutriplat.webapp.session import login_required

bp = Blueprint("dietitian_referrals", __name__, url_prefix="/dietitian/referrals")
OPEN = ("received", "triaged")
SHOWN = 100


def _page(forms: dict[int, Form] | None = None, status: int = 200) -> ResponseReturnValue:
    inbox = [r for s in OPEN for r in referring.list_referrals(uow(), actor(), {"status": s}, 1, SHOWN)[0]]
    inbox.sort(key=lambda r: (r.received_at, r.id))
    return render_template("dietitian/referrals.html", referrals=inbox, forms=forms or {},
                           settings=[(s, label("care_setting", s)) for s in client_vocabulary.CARE_SETTINGS]), status


@bp.get("/")
@login_required(DIETITIAN)
def index() -> ResponseReturnValue:
    return _page()


@bp.post("/<int:referral_id>/accept")
@login_required(DIETITIAN)
def accept(referral_id: int) -> ResponseReturnValue:
    form = Form(request.form, numbers=("link_client_id",))
    with form.handling():
        referral = triage.accept(uow(), actor(), referral_id, form.load(AcceptSchema()))
        flash(_("Referral %(id)s is accepted: client %(client)s.", id=referral.id, client=referral.client_id),
              "success")
        return redirect(url_for(".index"))
    return _page({referral_id: form}, form.status)


@bp.post("/<int:referral_id>/decline")
@login_required(DIETITIAN)
def decline(referral_id: int) -> ResponseReturnValue:
    form = Form(request.form)
    with form.handling():
        triage.decline(uow(), actor(), referral_id, form.load(DeclineSchema())["reason"])
        flash(_("Referral %(id)s is declined; the referrer reads your reason.", id=referral_id), "success")
        return redirect(url_for(".index"))
    return _page({referral_id: form}, form.status)
