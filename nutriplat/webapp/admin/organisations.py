"""Organisations: the list (a provider's admin sees its own) and, for the platform
admin, a new organisation (``auth.services``; others are refused there)."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from nutriplat.auth import roles, services
from nutriplat.auth.policy import POLICY
from nutriplat.auth.schemas import OrganisationSchema
from nutriplat.web import actor, uow
from nutriplat.webapp.forms import Form
from nutriplat.webapp.labels import label
from nutriplat.webapp.session import login_required

bp = Blueprint("admin_organisations", __name__, url_prefix="/admin/organisations")


@bp.route("/", methods=["GET", "POST"])
@login_required(*POLICY.roles("list_organisations"))
def index():  # type: ignore[no-untyped-def]
    form = Form(request.form)
    if request.method == "POST":
        with form.handling():
            data = form.load(OrganisationSchema())
            made = services.create_organisation(uow(), data["name"], data["type"], actor())
            flash(_("The organisation %(name)s is created.", name=made.name), "success")
            return redirect(url_for(".index"))
    return render_template("admin/organisations.html", form=form,
                           type_options=[(t, label("organisation_type", t)) for t in roles.ORGANISATION_TYPES],
                           organisations=services.list_organisations(uow(), actor())), form.status
