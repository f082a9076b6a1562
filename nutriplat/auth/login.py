"""Signing in: a username and password for a bearer token, behind a login throttle.

Failures are counted per (username, client address) and per client address, never per
username alone: failures from elsewhere never lock the real owner out, and spraying one
password over many usernames from one address is limited. An attempt is recorded as a
failure *before* the password is checked, under the address's row lock, and turned into
a success afterwards; so however many requests arrive at once, no more than the limit
are ever guessed (the lock is held only for the count, not for the slow hash)."""
from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from nutriplat.auth.models import AuthToken, LoginAttempt, LoginThrottle, User
from nutriplat.auth.passwords import Passwords
from nutriplat.auth.tokens import digest
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.errors import NotAuthenticated, TooManyRequests


@dataclass(frozen=True)
class LoginPolicy:
    token_ttl: timedelta
    max_failures: int  # per (username, client address), since that pair's last success
    window: timedelta
    max_failures_per_address: int  # per client address, whatever the usernames


@dataclass(frozen=True)
class IssuedToken:
    access_token: str
    expires_at: datetime


def issue_token(
    uow: UnitOfWork, passwords: Passwords, policy: LoginPolicy,
    username: str, password: str, ip: str | None,
) -> IssuedToken:
    attempt_id = _reserve_attempt(uow, policy, username, ip)
    with uow:
        user = uow.session.scalar(select(User).where(User.username == username))
        ok = passwords.verify(user.password_hash if user else None, password)
        if not (ok and user is not None and user.is_active):
            raise NotAuthenticated("Invalid username or password.")  # the attempt stays a failure
        uow.session.get_one(LoginAttempt, attempt_id).succeeded = True
        token = secrets.token_urlsafe(32)
        now = utcnow()
        expires_at = now + policy.token_ttl
        uow.session.add(AuthToken(token_hash=digest(token), user=user, created_at=now,
                                  expires_at=expires_at, ip=ip))
        uow.commit()
        return IssuedToken(token, expires_at)


def _reserve_attempt(uow: UnitOfWork, policy: LoginPolicy, username: str, ip: str | None) -> int:
    """Count and record in one transaction, holding the address's row lock."""
    with uow:
        now = utcnow()
        _lock_address(uow.session, ip or "unknown", now)
        from_address = LoginAttempt.ip == ip if ip is not None else LoginAttempt.ip.is_(None)
        last_success = uow.session.scalar(select(func.max(LoginAttempt.attempted_at)).where(
            from_address, LoginAttempt.username == username, LoginAttempt.succeeded.is_(True)))
        pair = [from_address, LoginAttempt.username == username]
        if last_success is not None:
            pair.append(LoginAttempt.attempted_at > last_success)
        wait = max(_wait_s(uow.session, policy, now, policy.max_failures, pair),
                   _wait_s(uow.session, policy, now, policy.max_failures_per_address, [from_address]))
        if wait:
            raise TooManyRequests("Too many failed logins; try again later.", wait)
        attempt = LoginAttempt(username=username, ip=ip, attempted_at=now, succeeded=False)
        uow.session.add(attempt)
        uow.commit()
        return attempt.id


def _lock_address(session: Session, address: str, now: datetime) -> None:
    """An upsert that writes the address's row: PostgreSQL locks that row until the
    transaction ends; SQLite takes its database write lock. Either way, logins from one
    address count their failures one after the other."""
    dialect: Any = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.execute(dialect.insert(LoginThrottle).values(address=address, touched_at=now)
                    .on_conflict_do_update(index_elements=["address"], set_={"touched_at": now}))


def _wait_s(session: Session, policy: LoginPolicy, now: datetime, limit: int, where: list[Any]) -> int:
    """Seconds until fewer than ``limit`` failures remain in the window; 0: not blocked."""
    failures = list(session.scalars(
        select(LoginAttempt.attempted_at)
        .where(*where, LoginAttempt.succeeded.is_(False), LoginAttempt.attempted_at >= now - policy.window)
        .order_by(LoginAttempt.attempted_at)))
    if len(failures) < limit:
        return 0
    frees_at = failures[len(failures) - limit] + policy.window
    return max(1, math.ceil((frees_at - now).total_seconds()))
