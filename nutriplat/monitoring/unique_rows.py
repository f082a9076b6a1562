"""Insert rows whose unique key says "only one open at a time" (an alert per client and
rule, a case per client), tolerating a concurrent transaction that inserted one first."""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from nutriplat.db import Base


def insert_all_once(session: Session, rows: Sequence[Base]) -> list[bool]:
    """Insert ``rows`` in one statement (a batch's new rows); each flag is False when a
    concurrent transaction opened the same row a moment ago (the unique ``open_key``
    refuses a second one): only then are they retried one by one, to keep the others.
    SQLite serialises writers, so the race cannot happen there, and pysqlite would commit
    a SAVEPOINT taken outside BEGIN early."""
    if not rows:
        return []
    if session.get_bind().dialect.name == "sqlite":
        session.add_all(rows)
        session.flush()
        return [True] * len(rows)
    try:
        with session.begin_nested():
            session.add_all(rows)
        return [True] * len(rows)
    except IntegrityError:
        if len(rows) == 1:
            return [False]
    return [insert_all_once(session, [row])[0] for row in rows]
