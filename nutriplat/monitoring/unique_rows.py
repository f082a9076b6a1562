"""Insert a row whose unique key says "only one open at a time" (an alert per client and
rule, a case per client), tolerating a concurrent transaction that inserted it first."""
from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from nutriplat.db import Base


def insert_once(session: Session, row: Base) -> bool:
    """False when a concurrent transaction opened the same row a moment ago (the unique
    ``open_key`` refuses a second one). SQLite serialises writers, so the race cannot
    happen there, and pysqlite would commit a SAVEPOINT taken outside BEGIN early."""
    if session.get_bind().dialect.name == "sqlite":
        session.add(row)
        session.flush()
        return True
    try:
        with session.begin_nested():
            session.add(row)
        return True
    except IntegrityError:
        return False
