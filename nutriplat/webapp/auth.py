"""Login, logout, the account page and the language switch."""
from __future__ import annotations

import math
from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from nutriplat.auth import login as auth_login
from nutriplat.auth import services as auth_services
from nutriplat.auth import web_sessions
from nutriplat.db import utcnow
from nutriplat.errors import NotAuthenticated, TooManyRequests
from nutriplat.web import actor, client_ip, uow
from nutriplat.webapp import preferences
from nutriplat.webapp import session as web_session
from nutriplat.webapp.forms import Form

bp = Blueprint("auth", __name__)


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    if "lang" in request.args:  # the language switch before signing in
        session["locale"] = preferences.supported(request.args["lang"])
    form = Form(request.form)
    retry_after: dict[str, str] = {}
    if request.method == "POST":
        try:
            with form.handling(NotAuthenticated):
                _sign_in(form.value("username").strip(), form.value("password"))
                return redirect(_safe_next(request.args.get("next")))
        except TooManyRequests as error:  # the form shows it; the header says how long
            form.message, form.status = error.message, error.status
            retry_after = {"Retry-After": str(error.retry_after_s)}
    return render_template("auth/login.html", form=form), form.status, retry_after


def _sign_in(username: str, password: str) -> None:
    state = current_app.extensions["nutriplat"]
    try:
        issued = auth_login.issue_token(uow(), state.passwords, state.login_policy,
                                        username, password, client_ip())
    except TooManyRequests as error:  # the API's throttle, in the user's language
        raise TooManyRequests(_("Too many failed sign-ins; try again in %(minutes)d minutes.",
                                minutes=math.ceil(error.retry_after_s / 60)), error.retry_after_s) from error
    except NotAuthenticated as error:
        raise NotAuthenticated(_("Invalid username or password.")) from error
    who = auth_services.authenticate(uow(), issued.access_token, client_ip(), None)
    me = preferences.profile(uow(), who)
    session_id = web_sessions.start(uow(), issued.access_token, web_session.idle_timeout(), utcnow())
    web_session.start(session_id, me.locale, me.display_name)


def _safe_next(target: str | None) -> str:
    """Only a path on this site (no open redirect to another host)."""
    if target and target.startswith("/") and not target.startswith("//") \
            and not urlsplit(target).netloc:
        return target
    return url_for("webapp.home")


@bp.post("/logout")
@web_session.login_required()
def logout() -> ResponseReturnValue:
    web_session.end()
    flash(_("You are signed out."), "info")
    return redirect(url_for("webapp.auth.login"))


@bp.route("/account", methods=["GET", "POST"])
@web_session.login_required()
def account() -> ResponseReturnValue:
    me = preferences.profile(uow(), actor())
    form = Form(request.form or {"locale": me.locale})
    if request.method == "POST":
        with form.handling():
            session["locale"] = preferences.set_locale(uow(), actor(), form.value("locale"))
            flash(_("Your language is saved."), "success")
            return redirect(url_for("webapp.auth.account"))
    return render_template("auth/account.html", me=me, form=form,
                           locales=preferences.LOCALES), form.status
