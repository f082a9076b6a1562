"""Session login for the web application.

The login page exchanges username and password for the same bearer token the API
issues (``auth.services.issue_token``: password check, login throttling, the login
attempt record); the token lives in the signed, HttpOnly session cookie and every
request authenticates it with ``auth.services.authenticate``, so expiry, revocation
and disabled accounts work exactly as in the API. On top: an idle timeout."""
from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from flask import current_app, flash, g, redirect, request, session, url_for
from flask_babel import lazy_gettext as _l

from nutriplat.auth import services as auth_services
from nutriplat.auth.actor import Actor
from nutriplat.db import utcnow
from nutriplat.errors import Forbidden, NotAuthenticated, NotFound
from nutriplat.web import client_ip, uow
from nutriplat.webapp import nav

F = TypeVar("F", bound=Callable[..., Any])
UNSAFE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
PUBLIC_ENDPOINTS = ("webapp.static", "webapp.auth.login")


def check_csrf(csrf: Any) -> Callable[[], None]:
    def before_request() -> None:
        if request.method in UNSAFE_METHODS:
            csrf.protect()  # raises CSRFError (400) when the token is missing or wrong
    return before_request


def start(token: str, locale: str, display_name: str) -> None:
    """A fresh session after a successful login (nothing carried over from before)."""
    session.clear()
    session.update(token=token, locale=locale, name=display_name, seen=_now())


def end() -> None:
    token = session.get("token")
    session.clear()
    if token:
        try:
            auth_services.revoke_token(uow(), token)
        except NotFound:
            pass  # already gone: the session is over either way


def load_actor() -> None:
    """Before every web request: who is signed in (``g.actor``), or nobody."""
    g.actor = None
    if request.endpoint in PUBLIC_ENDPOINTS or "token" not in session:
        return
    idle_s = current_app.config["WEB_IDLE_MINUTES"] * 60
    if _now() - session.get("seen", 0) > idle_s:
        end()
        flash(_l("You were signed out after a period of inactivity."), "info")
        return
    try:
        g.actor = auth_services.authenticate(uow(), session["token"], client_ip(), None)
    except NotAuthenticated:
        session.clear()
        flash(_l("Your session has ended; please sign in again."), "info")
        return
    session["seen"] = _now()


def login_required(*roles: str) -> Callable[[F], F]:
    """The page needs a signed-in user, and one of ``roles`` when any are named.
    Organisation checks stay in the services (``clients.access``), as in the API."""

    def decorator(view: F) -> F:
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if g.get("actor") is None:
                return redirect(url_for("webapp.auth.login", next=request.full_path.rstrip("?")))
            if roles and g.actor.role not in roles:
                raise Forbidden(f"The role '{g.actor.role}' may not open this page.")
            return view(*args, **kwargs)

        wrapper.allowed_roles = roles  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorator


def home_endpoint(actor: Actor | None = None) -> str:
    actor = actor or g.actor
    return nav.ROLE_HOME.get(actor.role, "webapp.auth.account")


def template_context() -> dict[str, Any]:
    actor: Actor | None = g.get("actor")
    return {
        "current_actor": actor,
        "current_name": session.get("name"),
        "nav_items": nav.NAV.get(actor.role, ()) if actor else (),
        "role_label": nav.role_label,
    }


def _now() -> int:
    return int(utcnow().timestamp())
