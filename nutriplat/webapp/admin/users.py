"""Users: the list the admin may see, a new account with one role in an organisation,
and deactivating an account (``auth.services``, the API's use cases)."""
from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from nutriplat.auth import roles, services
from nutriplat.auth.policy import POLICY
from nutriplat.auth.passwords import MIN_PASSWORD_LENGTH
from nutriplat.auth.schemas import UserSchema
from nutriplat.errors import Conflict
from nutriplat.web import actor, uow
from nutriplat.webapp import nav
from nutriplat.webapp.forms import Form
from nutriplat.webapp.labels import label
from nutriplat.webapp.session import login_required

bp = Blueprint("admin_users", __name__, url_prefix="/admin/users")


@bp.route("/", methods=["GET", "POST"])
@login_required(*POLICY.roles("list_users"))
def index():  # type: ignore[no-untyped-def]
    form = Form(request.form)
    if request.method == "POST":
        with form.handling():
            data = form.load(UserSchema())
            made = services.create_user(uow(), current_app.extensions["nutriplat"].passwords, actor(),
                                        data["username"], data["password"], data["role"],
                                        data.get("organisation"), data.get("display_name"))
            flash(_("The account %(username)s is created.", username=made.username), "success")
            return redirect(url_for(".index"))
    organisations = services.list_organisations(uow(), actor())
    return render_template(
        "admin/users.html", form=form, users=services.list_users(uow(), actor()), min_password=MIN_PASSWORD_LENGTH,
        role_options=[(role, nav.role_label(role)) for role in roles.ROLES],
        organisation_options=[(o.name, f"{o.name} ({label('organisation_type', o.type)})") for o in organisations],
    ), form.status


@bp.post("/<int:user_id>/deactivation")
@login_required(*POLICY.roles("deactivate_user"))
def deactivate(user_id: int):  # type: ignore[no-untyped-def]
    try:
        gone = services.deactivate_user(uow(), actor(), user_id)
    except Conflict as error:  # one's own account: said on the list, where the button was
        flash(_(error.message), "error")
    else:
        flash(_("The account %(username)s is deactivated.", username=gone.username), "success")
    return redirect(url_for(".index"))
