"""Conflict translation: the one place a write the database refuses becomes a 409.

Two requests can both pass a service's checks; the unique constraints and the version
columns decide which one wins, and the loser gets a ``WriteConflict`` naming what it
collided with. ``UnitOfWork.commit`` and ``flush_or_conflict`` use it, so a service only
says what the conflict means."""
from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from nutriplat.errors import WriteConflict

DEFAULT_MESSAGE = "The data was changed at the same moment by someone else; reload and retry."

Errors = Mapping[str, Sequence[str]] | None


@contextmanager
def conflicts(message: str | None = None, errors: Errors = None,
              stale: str | None = None) -> Iterator[None]:
    """A duplicate key (IntegrityError) or a lost version check (StaleDataError) inside
    the block raises ``WriteConflict(message, errors)``; ``stale`` words the second case
    when it means something else than the first."""
    try:
        yield
    except IntegrityError as error:
        raise WriteConflict(message or DEFAULT_MESSAGE, errors) from error
    except StaleDataError as error:
        raise WriteConflict(stale or message or DEFAULT_MESSAGE,
                            None if stale else errors) from error


def flush_or_conflict(session: Session, message: str | None = None, errors: Errors = None) -> None:
    """Flush now, so the constraint decides inside the use case (before its audit row)."""
    with conflicts(message, errors):
        session.flush()
