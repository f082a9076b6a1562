"""Organisation-scoped loading: a row by id, if the caller's organisation owns it.

A platform administrator sees every organisation's rows; anyone else only their own, and
a row of another organisation is "not found" like a missing one (we do not reveal which).
Rows reached through a client are checked with ``nutriplat.clients.access.load_client``."""
from __future__ import annotations

from typing import Protocol, TypeVar

from sqlalchemy.orm import Session

from nutriplat.auth.actor import Actor
from nutriplat.errors import NotFound


class OrganisationOwned(Protocol):
    """A row that belongs to one organisation."""

    @property
    def organisation_id(self) -> int | None: ...


T = TypeVar("T", bound=OrganisationOwned)


def owned(session: Session, model: type[T], id_: int | None, actor: Actor) -> T | None:
    """The row, or None when it does not exist or another organisation owns it."""
    row = session.get(model, id_) if id_ is not None else None
    if row is None or not (actor.is_platform_admin or row.organisation_id == actor.organisation_id):
        return None
    return row


def load_owned(session: Session, model: type[T], id_: int, actor: Actor, what: str) -> T:
    """The row, or NotFound naming it (``No van 12.``)."""
    row = owned(session, model, id_, actor)
    if row is None:
        raise NotFound(f"No {what} {id_}.")
    return row
