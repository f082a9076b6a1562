"""The message thread between a client's side (the client, their caregivers) and the
dietitian: text only, read receipts; each new message passes the one sending point
(``notify.send``). Opening the thread marks the other side's messages as read."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from nutriplat.auth import audit, roles
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.clients.models import Client
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.errors import ErrorCollector
from nutriplat.portal import notify
from nutriplat.portal.models import PortalMessage
from nutriplat.portal.policy import POLICY

RESOURCE = "portal_message"
MAX_LENGTH = 2000


def send_message(uow: UnitOfWork, actor: Actor, client_id: int, body: str) -> PortalMessage:
    POLICY.check(actor, "send_message")
    errors = ErrorCollector()
    if not body.strip():
        errors.add("body", "Must not be blank.")
    elif len(body) > MAX_LENGTH:
        errors.add("body", f"At most {MAX_LENGTH} characters.")
    with uow:
        client = load_client(uow.session, actor, client_id)
        errors.raise_if_any()
        message = PortalMessage(organisation_id=client.organisation_id, client_id=client.id,
                                sender_id=actor.user_id, from_client_side=_client_side(actor),
                                body=body.strip(), sent_at=utcnow())
        uow.session.add(message)
        uow.session.flush()
        audit.record(uow.session, actor, "create", RESOURCE, message.id, client.id,
                     organisation_id=client.organisation_id)
        notify.send(uow, message, actor.user_id)
        uow.commit()
    return message


def list_messages(uow: UnitOfWork, actor: Actor, client_id: int) -> list[PortalMessage]:
    """The thread, oldest first; what the other side sent is read from now on."""
    POLICY.check(actor, "list_messages")
    with uow:
        client = load_client(uow.session, actor, client_id)
        thread = list(uow.session.scalars(select(PortalMessage).where(PortalMessage.client_id == client.id)
                                          .order_by(PortalMessage.sent_at, PortalMessage.id)))
        now, mine = utcnow(), _client_side(actor)
        for message in thread:
            if message.read_at is None and message.from_client_side != mine:
                message.read_at, message.read_by = now, actor.user_id
        audit.record(uow.session, actor, "list", RESOURCE, None, client.id, organisation_id=client.organisation_id)
        uow.commit()
        return thread


@dataclass(frozen=True)
class Unread:
    client_id: int
    name: str
    count: int


def unread_for_dietitian(uow: UnitOfWork, actor: Actor) -> list[Unread]:
    """The dietitian's day page: the clients of the organisation with unread messages."""
    POLICY.check(actor, "unread_messages")
    with uow:
        rows = uow.session.execute(
            select(Client.id, Client.given_name, Client.family_name, func.count(PortalMessage.id))
            .join(PortalMessage, PortalMessage.client_id == Client.id)
            .where(PortalMessage.organisation_id == actor.organisation_id, PortalMessage.read_at.is_(None),
                   PortalMessage.from_client_side.is_(True))
            .group_by(Client.id, Client.given_name, Client.family_name).order_by(Client.family_name, Client.id))
        unread = [Unread(cid, f"{given} {family}", n) for cid, given, family, n in rows]
        audit.record_reads(uow.session, actor, RESOURCE, {(u.client_id, actor.organisation_id or 0) for u in unread})
        uow.commit()
        return unread


def _client_side(actor: Actor) -> bool:
    return actor.role in roles.PERSONAL
