"""Session login for the web application.

The login page exchanges username and password for the same bearer token the API
issues (``auth.login.issue_token``: password check, login throttling, the login
attempt record). The token stays on the server: the signed, HttpOnly session cookie
holds only a server-side session id (``auth.web_sessions``), and every request
resumes it, so expiry, revocation and disabled accounts work exactly as in the API.
On top: an idle timeout, which also ends the token."""
from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar

from flask import current_app, flash, g, redirect, request, session, url_for
from flask_babel import lazy_gettext as _l

from nutriplat.auth import web_sessions
from nutriplat.auth.actor import Actor
from nutriplat.db import utcnow
from nutriplat.errors import Forbidden, NotAuthenticated
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


def start(session_id: str, locale: str, display_name: str) -> None:
    """A fresh session after a successful login (nothing carried over from before)."""
    session.clear()
    session.update(sid=session_id, locale=locale, name=display_name)


def end() -> None:
    session_id = session.get("sid")
    session.clear()
    if session_id:
        web_sessions.end(uow(), session_id, utcnow())


def idle_timeout() -> timedelta:
    return timedelta(minutes=current_app.config["WEB_IDLE_MINUTES"])


def load_actor() -> None:
    """Before every web request: who is signed in (``g.actor``), or nobody."""
    g.actor = None
    if request.endpoint in PUBLIC_ENDPOINTS or "sid" not in session:
        return
    try:
        g.actor = web_sessions.resume(uow(), session["sid"], idle_timeout(), utcnow(), client_ip())
    except web_sessions.SessionIdle:
        session.clear()
        flash(_l("You were signed out after a period of inactivity."), "info")
    except NotAuthenticated:
        session.clear()
        flash(_l("Your session has ended; please sign in again."), "info")


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

