"""The referral form and the referrer's own referrals (``referrals.referring``, the
API's services and schema)."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat import food
from nutriplat.referrals import domain, referring
from nutriplat.referrals.policy import POLICY
from nutriplat.referrals.schemas import SentReferralSchema
from nutriplat.screening.domain import INSTRUMENTS
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.labels import label
from nutriplat.webapp.session import login_required

bp = Blueprint("referrer_referrals", __name__, url_prefix="/referrer/referrals")
SHOWN = 100  # the newest referrals on the page; the API pages through all of them
REFERRER = POLICY.roles("refer")


@bp.get("/")
@login_required(*REFERRER)
def index() -> ResponseReturnValue:
    found, total = referring.list_referrals(uow(), actor(), {}, 1, SHOWN)
    return render_template("referrer/referrals.html", referrals=found, total=total)


@bp.route("/new", methods=["GET", "POST"])
@login_required(*REFERRER)
def new() -> ResponseReturnValue:
    providers = referring.providers(uow(), actor())
    form = Form(request.form or {"provider_id": str(providers[0].id) if len(providers) == 1 else ""},
                lists=("allergies",), numbers=("provider_id",))
    if request.method == "POST":
        with form.handling():
            referral = referring.refer(uow(), actor(), form.load(SentReferralSchema()))
            flash(_("Referral %(id)s is sent.", id=referral.id), "success")
            return redirect(url_for(".index"))
    return render_template(
        "referrer/referral_form.html", form=form,
        providers=[(p.id, p.name) for p in providers],
        urgencies=[(u, label("urgency", u)) for u in domain.URGENCIES],
        instruments=[(i, label("instrument", i)) for i in sorted(INSTRUMENTS)],
        food_levels=[(level, level) for level in food.IDDSI_FOOD_LEVELS],
        drink_levels=[(level, level) for level in food.IDDSI_DRINK_LEVELS],
        allergens=[(a, label("allergen", a)) for a in food.ALLERGENS]), form.status
