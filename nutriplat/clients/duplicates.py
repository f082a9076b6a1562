"""Likely duplicates of a person about to be registered (a new client, an accepted
referral): the organisation's clients with the same family name, birth date and postal
code (``domain.duplicate_key``). Finding them is all this does; the dietitian decides
whether it is the same person."""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.domain import duplicate_key
from nutriplat.clients.models import Client
from nutriplat.clients.policy import POLICY
from nutriplat.db import UnitOfWork
from nutriplat.errors import Forbidden

RESOURCE = "client"


def likely_duplicates(session: Session, organisation_id: int, family_name: str, birth_date: date,
                      postal_code: str | None) -> list[Client]:
    """The organisation's clients who are likely this person, oldest record first."""
    key = duplicate_key(family_name, birth_date, postal_code)
    # The database narrows by birth date and name; the key compares spacing and case as people type them.
    rows = session.scalars(select(Client).where(
        Client.organisation_id == organisation_id, Client.birth_date == birth_date,
        func.lower(Client.family_name) == " ".join(family_name.lower().split()),
    ).order_by(Client.id))
    return [c for c in rows if duplicate_key(c.family_name, c.birth_date, c.postal_code) == key]


def find_duplicates(uow: UnitOfWork, actor: Actor, family_name: str, birth_date: date,
                    postal_code: str | None = None) -> list[Client]:
    """Before registering someone: the caller's clients who are likely the same person.
    Each one shown is a read of that client (audited)."""
    POLICY.check(actor, "find_duplicates")
    if actor.organisation_id is None:
        raise Forbidden("Clients belong to a provider organisation; you have none.")
    with uow:
        found = likely_duplicates(uow.session, actor.organisation_id, family_name, birth_date, postal_code)
        audit.record_reads(uow.session, actor, RESOURCE, ((c.id, c.organisation_id) for c in found))
        uow.commit()
        return found
