"""Web application sessions kept on the server.

The browser's cookie holds only a random session id; the bearer token issued at sign-in
stays on the server (as its digest), so reading a cookie hands out no API access. Each
request slides the token's expiry to the idle timeout: a browser left alone ends its
token by itself, whether or not it ever comes back."""
from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import select

from nutriplat.auth.actor import Actor
from nutriplat.auth.models import AuthToken, WebSession
from nutriplat.auth.services import token_actor
from nutriplat.auth.tokens import digest
from nutriplat.db import UnitOfWork
from nutriplat.errors import NotAuthenticated


class SessionIdle(NotAuthenticated):
    """The session was left alone longer than the idle timeout."""


def start(uow: UnitOfWork, access_token: str, idle: timedelta, now: datetime) -> str:
    """A new session for a token just issued; returns the id for the cookie."""
    session_id = secrets.token_urlsafe(32)
    with uow:
        token = uow.session.scalar(select(AuthToken).where(AuthToken.token_hash == digest(access_token)))
        if token is None:
            raise NotAuthenticated("The token is invalid, expired or revoked.")
        uow.session.add(WebSession(session_hash=digest(session_id), token=token, created_at=now,
                                   last_seen_at=now, ends_at=token.expires_at))
        token.expires_at = min(token.expires_at, now + idle)
        uow.commit()
    return session_id


def resume(uow: UnitOfWork, session_id: str, idle: timedelta, now: datetime, ip: str | None) -> Actor:
    """Who is signed in with this session; ends the session (and its token) when it
    idled too long or its token no longer works."""
    with uow:
        row = _session(uow, session_id)
        if row is None:
            raise NotAuthenticated("No such session.")
        if now - row.last_seen_at > idle:
            _close(uow, row, now)
            raise SessionIdle("The session ended after a period of inactivity.")
        try:
            actor = token_actor(row.token, now, ip, None)
        except NotAuthenticated:
            _close(uow, row, now)
            raise
        row.last_seen_at = now
        row.token.expires_at = min(row.ends_at, now + idle)
        uow.commit()
        return actor


def end(uow: UnitOfWork, session_id: str, now: datetime) -> None:
    with uow:
        row = _session(uow, session_id)
        if row is not None:
            _close(uow, row, now)


def _session(uow: UnitOfWork, session_id: str) -> WebSession | None:
    return uow.session.scalar(select(WebSession).where(WebSession.session_hash == digest(session_id)))


def _close(uow: UnitOfWork, row: WebSession, now: datetime) -> None:
    if row.token.revoked_at is None:
        row.token.revoked_at = now
    uow.session.delete(row)
    uow.commit()
