"""Use cases of the auth area: organisations, users, tokens. No Flask here."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.access import load_owned
from nutriplat.auth import audit, roles
from nutriplat.auth.actor import Actor
from nutriplat.auth.models import AuthToken, Organisation, User
from nutriplat.auth.passwords import Passwords, password_problems
from nutriplat.auth.policy import POLICY
from nutriplat.auth.tokens import digest
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.errors import Conflict, ErrorCollector, Forbidden, NotAuthenticated, NotFound


def create_organisation(uow: UnitOfWork, name: str, type_: str, actor: Actor) -> Organisation:
    """``actor`` is required: the CLI and the demo pass ``actor.SYSTEM`` explicitly."""
    POLICY.check(actor, "create_organisation")
    if not actor.is_platform_admin:
        raise Forbidden("Only a platform administrator creates organisations.")
    errors = ErrorCollector()
    if type_ not in roles.ORGANISATION_TYPES:
        errors.add("type", f"Must be one of: {', '.join(roles.ORGANISATION_TYPES)}.")
    if not name.strip():
        errors.add("name", "Must not be blank.")
    errors.raise_if_any()
    with uow:
        if uow.session.scalar(select(Organisation).where(Organisation.name == name)):
            raise Conflict("An organisation with this name exists.", {"name": ["Already exists."]})
        organisation = Organisation(name=name.strip(), type=type_)
        uow.session.add(organisation)
        uow.commit()
        return organisation


def create_user(
    uow: UnitOfWork, passwords: Passwords, actor: Actor, username: str, password: str, role: str,
    organisation_name: str | None = None, display_name: str | None = None,
) -> User:
    """``actor`` is the admin creating the account (the CLI passes ``actor.SYSTEM``).
    A user made by anyone but a platform admin belongs to the creator's organisation,
    so only a platform admin makes another platform admin (an admin with none)."""
    POLICY.check(actor, "create_user")
    errors = ErrorCollector()
    if role not in roles.ROLES:
        errors.add("role", f"Must be one of: {', '.join(roles.ROLES)}.")
    for problem in password_problems(password):
        errors.add("password", problem)
    with uow:
        organisation = _organisation_of_new_user(uow.session, actor, organisation_name, errors)
        expected = roles.ROLE_ORGANISATION_TYPE.get(role)
        if organisation and expected and organisation.type != expected:
            errors.add("organisation", f"A {role} belongs to a {expected} organisation.")
        if organisation is None and role in (roles.DIETITIAN, roles.LOGISTICS, roles.COFINANCER,
                                             roles.REFERRER):
            errors.add("organisation", f"A {role} must belong to an organisation.")
        errors.raise_if_any()
        if uow.session.scalar(select(User).where(User.username == username)):
            raise Conflict("This username is taken.", {"username": ["Already exists."]})
        user = User(username=username, password_hash=passwords.hash(password), role=role,
                    organisation=organisation, display_name=display_name)
        uow.session.add(user)
        uow.commit()
        return user


def _organisation_of_new_user(session: Session, actor: Actor, name: str | None,
                              errors: ErrorCollector) -> Organisation | None:
    if not actor.is_platform_admin:
        # Whatever the request says: the creator's organisation, never none.
        own = session.get(Organisation, actor.organisation_id)
        if own is None or (name and name != own.name):
            raise Forbidden("An admin creates users in their own organisation only.")
        return own
    if not name:
        return None
    organisation = session.scalar(select(Organisation).where(Organisation.name == name))
    if organisation is None:
        errors.add("organisation", "No organisation with this name.")
    return organisation


def authenticate(uow: UnitOfWork, token: str, ip: str | None, purpose: str | None) -> Actor:
    with uow:
        row = uow.session.scalar(select(AuthToken).where(AuthToken.token_hash == digest(token)))
        return token_actor(row, utcnow(), ip, purpose)


def token_actor(row: AuthToken | None, now: datetime, ip: str | None, purpose: str | None) -> Actor:
    """The caller behind a token row, if the token and its account still work."""
    if row is None or row.revoked_at is not None or row.expires_at <= now:
        raise NotAuthenticated("The token is invalid, expired or revoked.")
    if not row.user.is_active:
        raise NotAuthenticated("The account is disabled.")
    user = row.user
    return Actor(user.id, user.username, user.role, user.organisation_id, ip, purpose, user.client_id)


def revoke_token(uow: UnitOfWork, actor: Actor, token: str) -> None:
    POLICY.check(actor, "revoke_token")
    with uow:
        row = uow.session.scalar(select(AuthToken).where(AuthToken.token_hash == digest(token)))
        if row is None:
            raise NotFound("Unknown token.")
        if row.revoked_at is None:
            row.revoked_at = utcnow()
        uow.commit()


def list_organisations(uow: UnitOfWork, actor: Actor) -> list[Organisation]:
    POLICY.check(actor, "list_organisations")
    with uow:
        stmt = select(Organisation).order_by(Organisation.name)
        if not actor.is_platform_admin:
            stmt = stmt.where(Organisation.id == actor.organisation_id)
        return list(uow.session.scalars(stmt))


def list_users(uow: UnitOfWork, actor: Actor) -> list[User]:
    POLICY.check(actor, "list_users")
    with uow:
        stmt = select(User).order_by(User.username)
        if not actor.is_platform_admin:
            stmt = stmt.where(User.organisation_id == actor.organisation_id)
        return list(uow.session.scalars(stmt))


def deactivate_user(uow: UnitOfWork, actor: Actor, user_id: int) -> User:
    """Disable an account (a platform admin: any; an organisation's admin: its own
    users). Signing in and every token of the account stop working at once
    (``issue_token``/``authenticate`` check ``is_active``); the user row stays, as the
    audit log and the records it made refer to it."""
    POLICY.check(actor, "deactivate_user")
    with uow:
        user = load_owned(uow.session, User, user_id, actor, "user")
        if user.id == actor.user_id:
            raise Conflict("You cannot deactivate your own account.",
                           {"user_id": ["Ask another administrator."]})
        if user.is_active:
            user.is_active = False
            audit.record(uow.session, actor, "deactivate", "user", user.id)
        uow.commit()
        return user
