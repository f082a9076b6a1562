"""A client's own account: the dietitian invites (a one-time code, shown once, kept only
as a digest, expiring), the client redeems the code with a username and password of
their choosing, and the account is tied to their record (``users.client_id``)."""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from nutriplat.auth import audit, roles
from nutriplat.auth.actor import Actor
from nutriplat.auth.models import User
from nutriplat.auth.passwords import Passwords, password_problems
from nutriplat.auth.tokens import digest
from nutriplat.clients.access import load_client
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.errors import Conflict, ErrorCollector
from nutriplat.portal.models import ClientInvitation
from nutriplat.portal.policy import POLICY

VALID_FOR = timedelta(days=14)
# No 0/O, 1/I/L: a code read aloud or typed from paper.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
RESOURCE = "client_invitation"


@dataclass(frozen=True)
class Invitation:
    id: int
    client_id: int
    code: str  # shown once, in this answer only
    expires_at: datetime


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(12))
    return "-".join(raw[i:i + 4] for i in range(0, 12, 4))


def code_digest(code: str) -> str:
    """Spaces, dashes and case do not matter when the code is typed in."""
    return digest("".join(code.split()).replace("-", "").upper())


def invite(uow: UnitOfWork, actor: Actor, client_id: int) -> Invitation:
    POLICY.check(actor, "invite_client")
    with uow:
        client = load_client(uow.session, actor, client_id)
        if uow.session.scalar(select(User.id).where(User.client_id == client.id)) is not None:
            raise Conflict(f"Client {client.id} already has an account.", {"client_id": ["Has an account."]})
        code = new_code()
        invitation = ClientInvitation(organisation_id=client.organisation_id, client_id=client.id,
                                      code_hash=code_digest(code), expires_at=utcnow() + VALID_FOR,
                                      created_by=actor.user_id)
        uow.session.add(invitation)
        uow.session.flush()
        audit.record(uow.session, actor, "create", RESOURCE, invitation.id, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return Invitation(invitation.id, client.id, code, invitation.expires_at)


def redeem(uow: UnitOfWork, passwords: Passwords, data: dict[str, str], ip: str | None = None) -> User:
    """The account the code opens; an unknown, used or expired code is one answer (422)."""
    errors = ErrorCollector()
    for problem in password_problems(data["password"]):
        errors.add("password", problem)
    if not data["username"].strip():
        errors.add("username", "Must not be blank.")
    with uow:
        session = uow.session
        invitation = session.scalar(select(ClientInvitation).where(
            ClientInvitation.code_hash == code_digest(data["code"])).with_for_update())
        now = utcnow()
        if invitation is None or invitation.redeemed_at is not None or invitation.expires_at <= now:
            errors.add("code", "Unknown, used or expired code; ask your dietitian for a new one.")
        errors.raise_if_any()
        assert invitation is not None
        if session.scalar(select(User.id).where(User.client_id == invitation.client_id)) is not None:
            raise Conflict("This client already has an account.", {"code": ["Already used."]})
        if session.scalar(select(User.id).where(User.username == data["username"].strip())) is not None:
            raise Conflict("This username is taken.", {"username": ["Already exists."]})
        user = User(username=data["username"].strip(), password_hash=passwords.hash(data["password"]),
                    role=roles.CLIENT, organisation_id=invitation.organisation_id,
                    client_id=invitation.client_id, display_name=data.get("display_name"))
        session.add(user)
        session.flush()
        invitation.redeemed_at, invitation.user_id = now, user.id
        me = Actor(user.id, user.username, user.role, user.organisation_id, ip, None, user.client_id)
        audit.record(session, me, "redeem", RESOURCE, invitation.id, invitation.client_id,
                     organisation_id=invitation.organisation_id)
        uow.commit("This username is taken or the code was used at the same moment.")
        return user
