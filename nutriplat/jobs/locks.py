"""The database lock that keeps two runners off the same job and period.

On PostgreSQL a session advisory lock is held, on its own connection, for the whole run
(a run spans several transactions); it is released when the run ends or the process
dies. SQLite serves one process: there the unique ``job_runs.active_key`` is the guard."""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.engine import Engine


def lock_key(job: str, period_key: str) -> int:
    """A stable signed 64-bit key (Python's hash() differs per process)."""
    digest = hashlib.sha256(f"nutriplat-job/{job}/{period_key}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def holds_advisory_locks(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


@contextmanager
def period_lock(engine: Engine, job: str, period_key: str) -> Iterator[bool]:
    """Yields whether this runner may run ``job`` for ``period_key`` now."""
    if not holds_advisory_locks(engine):
        yield True
        return
    key = lock_key(job, period_key)
    with engine.connect() as connection:
        locked = bool(connection.scalar(text("SELECT pg_try_advisory_lock(:key)"), {"key": key}))
        connection.commit()  # the lock is the session's: no transaction stays open meanwhile
        try:
            yield locked
        finally:
            if locked:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
                connection.commit()
