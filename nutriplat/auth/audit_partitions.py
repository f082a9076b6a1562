"""The audit log by month on PostgreSQL: declarative range partitioning on ``at`` (migration
0030), one partition per calendar month in UTC (``audit_log_2026_12``) and a default
partition for anything outside them, which stays empty while the monthly ``audit-log`` job
keeps partitions ``AHEAD_MONTHS`` ahead. Dropping a month past the retention is dropping a
table: no row-by-row delete, no bloat. SQLite keeps one table (deleted row by row)."""
from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Connection, delete, text

from nutriplat.auth.models import AuditEntry
from nutriplat.periods import Month

PARENT, DEFAULT = "audit_log", "audit_log_default"
AHEAD_MONTHS = 3


def partition_name(month: Month) -> str:
    return f"{PARENT}_{month.year:04d}_{month.month:02d}"


def _start(day: date) -> str:
    return datetime(day.year, day.month, day.day, tzinfo=UTC).isoformat()


def ahead(month: Month) -> Month:
    """The last month to have a partition when ``month`` is the current one."""
    for _ in range(AHEAD_MONTHS):
        month = month.next()
    return month


def partitions(connection: Connection) -> dict[str, Month]:
    """The monthly partitions there are, by name."""
    names = connection.scalars(text(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
        "JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = :parent"), {"parent": PARENT})
    return {n: Month(int(n[-7:-3]), int(n[-2:])) for n in names if n != DEFAULT}


def ensure_partitions(connection: Connection, first: Month, last: Month) -> list[str]:
    """The months first..last that had no partition get one; rows of such a month that had
    landed in the default partition move into it. The names created."""
    existing, created, month = set(partitions(connection)), [], first
    while month <= last:
        name = partition_name(month)
        if name not in existing:
            bounds = {"lo": _start(month.first), "hi": _start(month.end)}
            connection.execute(text(f"CREATE TABLE {name} (LIKE {PARENT} INCLUDING DEFAULTS)"))
            connection.execute(text(
                f"WITH moved AS (DELETE FROM {DEFAULT} WHERE at >= CAST(:lo AS timestamptz) "
                f"AND at < CAST(:hi AS timestamptz) RETURNING *) INSERT INTO {name} SELECT * FROM moved"), bounds)
            connection.execute(text(f"ALTER TABLE {PARENT} ATTACH PARTITION {name} "
                                    f"FOR VALUES FROM ('{bounds['lo']}') TO ('{bounds['hi']}')"))
            created.append(name)
        month = month.next()
    return created


def drop_before(connection: Connection, cutoff: date) -> tuple[list[str], int]:
    """Every entry from before ``cutoff`` goes: the months wholly before it as tables, the
    rest row by row (the default partition, the cutoff's own month, SQLite). The partitions
    dropped and the rows deleted."""
    dropped = []
    if connection.dialect.name == "postgresql":
        for name, month in sorted(partitions(connection).items()):
            if month.end <= cutoff:
                connection.execute(text(f"DROP TABLE {name}"))
                dropped.append(name)
    before = datetime(cutoff.year, cutoff.month, cutoff.day, tzinfo=UTC)
    deleted = connection.execute(delete(AuditEntry).where(AuditEntry.at < before)).rowcount
    return dropped, deleted


def not_a_partition(name: str | None, type_: str, _parents: object) -> bool:
    """Alembic's ``include_name``: the partitions (and their indexes) are made by migration
    0030 and the monthly job, not by the models; comparing the schema leaves them out."""
    return not (name or "").startswith(f"{PARENT}_") or type_ not in ("table", "index")
