"""Generating a large audit log in PostgreSQL itself, a monthly partition at a time.

Each month's entries are made server-side (INSERT … SELECT over generate_series) into a
fresh table without indexes, in chunks; the table is then attached as the month's
partition, and PostgreSQL builds its indexes in one sorted pass. That is the bulk-load
path (tens of times faster than keeping five indexes up to date row by row); the table
the lookups then read is the one migration 0030 and the monthly job make.

The mix is the app's: 20,000 clients in 5 organisations, 400 users (each in one of them),
most reads of a client by the client's own dietitian, the actions and resources the
services write, about one entry in ten about no person (stock, catalogue, users)."""
from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, text

from nutriplat.auth.audit_partitions import PARENT, ahead, ensure_partitions, partition_name
from nutriplat.periods import Month

ORGANISATIONS = 5
# (action, resource) as the services write them; a pair repeated is a more frequent one.
PERSON = [("read", "client"), ("read", "client"), ("read", "client"), ("list", "client"), ("list", "client"),
          ("list", "client"), ("read", "meal_plan"), ("read", "meal_plan"), ("read", "timeline"),
          ("read", "targets"), ("update", "targets"), ("read", "home_stock"), ("list", "meal_plan"),
          ("create", "meal_plan"), ("read", "delivery_order"), ("create", "delivery_order"),
          ("list", "home_location"), ("create", "alert"), ("update", "alert"), ("read", "portal_week"),
          ("list", "screening_due"), ("read", "meal_plan_history"), ("create", "invoice"), ("update", "case")]
NO_PERSON = [("create", "stock_move"), ("create", "stock_count"), ("list", "stock_move"),
             ("create", "kitchen_task"), ("deactivate", "user"), ("refuse", "client")]
ROLES = "CASE WHEN k < 16 THEN 'dietitian' WHEN k < 56 THEN 'caregiver' WHEN k < 72 THEN 'ward_staff' ELSE 'admin' END"
COLUMNS = "id, at, user_id, username, role, organisation_id, action, resource, resource_id, client_id, ip, purpose"


# One row per n of the chunk: client c (NULL one time in ten), its organisation, a reader k
# (of the 80 users of that organisation; 70 % the client's own dietitian), a pair of the mix.
GENERATE = f"""
INSERT INTO {{table}} ({COLUMNS})
SELECT :first_id + n, CAST(:lo AS timestamptz) + (n + random()) * CAST(:step AS float8) * interval '1 second',
       u, 'user' || u, {ROLES}, org,
       CASE WHEN c IS NULL THEN (CAST(:no_action AS text[]))[1 + p % :no_n]
            ELSE (CAST(:action AS text[]))[1 + p % :n] END,
       CASE WHEN c IS NULL THEN (CAST(:no_resource AS text[]))[1 + p % :no_n]
            ELSE (CAST(:resource AS text[]))[1 + p % :n] END,
       coalesce(c::text, (n % 5000)::text), c, '10.0.' || org || '.' || (u % 250), 'care'
FROM (SELECT n, c, org, k, org + {ORGANISATIONS} * k AS u, p
      FROM (SELECT n, c, 1 + coalesce(c, n) % {ORGANISATIONS} AS org, p,
                   CASE WHEN random() < 0.7 THEN (coalesce(c, n) / {ORGANISATIONS}) % 16
                        ELSE (random() * (:users / {ORGANISATIONS} - 1))::int END AS k
            FROM (SELECT n, CASE WHEN random() < 0.1 THEN NULL ELSE 1 + (random() * (:clients - 1))::int END AS c,
                         (random() * 1000)::int AS p
                  FROM generate_series(CAST(:start AS bigint), CAST(:stop AS bigint)) AS n) AS a) AS b) AS g"""


@dataclass(frozen=True)
class Mix:
    clients: int = 20_000
    users: int = 400

    def parameters(self) -> dict[str, object]:
        return {"clients": self.clients, "users": self.users, "n": len(PERSON), "no_n": len(NO_PERSON),
                "action": [a for a, _ in PERSON], "resource": [r for _, r in PERSON],
                "no_action": [a for a, _ in NO_PERSON], "no_resource": [r for _, r in NO_PERSON]}


def month_shares(months: list[Month], until: datetime, rows: int) -> list[tuple[Month, datetime, datetime, int]]:
    """Each month with its span (the current one up to ``until``) and its share of the rows."""
    spans = []
    for month in months:
        lo = datetime(month.first.year, month.first.month, 1, tzinfo=UTC)
        hi = min(datetime(month.end.year, month.end.month, 1, tzinfo=UTC), until)
        spans.append((month, lo, hi))
    total = sum((hi - lo).total_seconds() for _, lo, hi in spans)
    shares = [int(rows * (hi - lo).total_seconds() / total) for _, lo, hi in spans]
    shares[-1] += rows - sum(shares)
    return [(month, lo, hi, share) for (month, lo, hi), share in zip(spans, shares, strict=True)]


def fill(engine: Engine, months: list[Month], until: datetime, rows: int, mix: Mix, chunk: int,
         progress: Callable[[str], None] = lambda line: print(line, end="", file=sys.stderr, flush=True)) -> float:
    """Fills each of ``months`` that is still empty with its share of ``rows``; a month that
    has entries is kept (a run that was stopped goes on where it was). The seconds taken."""
    with engine.begin() as connection:  # a load that was stopped mid-month starts that month again
        for month in months:
            connection.execute(text(f"DROP TABLE IF EXISTS {partition_name(month)}_load"))
        ensure_partitions(connection, months[0], ahead(months[-1]))
    started, made = time.perf_counter(), 0
    for month, lo, hi, share in month_shares(months, until, rows):
        with engine.begin() as connection:
            if connection.scalar(text(f"SELECT EXISTS (SELECT FROM {partition_name(month)})")):
                continue
            first_id = connection.scalar(text("SELECT nextval('audit_log_id_seq')"))
            connection.execute(text("SELECT setval('audit_log_id_seq', :last)"), {"last": first_id + share})
        step = (hi - lo).total_seconds() / share
        for start in range(0, share, chunk):
            with engine.begin() as connection:
                table = _fresh(connection, month) if start == 0 else f"{partition_name(month)}_load"
                connection.execute(text(GENERATE.format(table=table)), {
                    **mix.parameters(), "first_id": first_id, "lo": lo, "step": step,
                    "start": start, "stop": min(start + chunk, share) - 1})
            made += min(chunk, share - start)
            progress(f"\r{month}: {made:,}/{rows:,} entries ({made / (time.perf_counter() - started):,.0f}/s)   ")
        with engine.begin() as connection:
            _attach(connection, month, lo)
    progress("\n")
    return time.perf_counter() - started


def _fresh(connection: Connection, month: Month) -> str:
    """The month's empty partition swapped for a table without indexes to load into."""
    name = partition_name(month)
    connection.execute(text(f"ALTER TABLE {PARENT} DETACH PARTITION {name}"))
    connection.execute(text(f"DROP TABLE {name}"))
    connection.execute(text(f"CREATE TABLE {name}_load (LIKE {PARENT} INCLUDING DEFAULTS)"))
    return f"{name}_load"


def _attach(connection: Connection, month: Month, lo: datetime) -> None:
    """The loaded table becomes the month's partition; the CHECK spares ATTACH its scan of
    the rows, and ATTACH builds the partitioned indexes' share of the month."""
    name, hi = partition_name(month), datetime(month.end.year, month.end.month, 1, tzinfo=UTC)
    connection.execute(text("SET LOCAL maintenance_work_mem = '512MB'"))
    connection.execute(text(f"ALTER TABLE {name}_load RENAME TO {name}"))
    connection.execute(text(f"ALTER TABLE {name} ADD CONSTRAINT {name}_month CHECK "
                            f"(at >= '{lo.isoformat()}' AND at < '{hi.isoformat()}')"))
    connection.execute(text(f"ALTER TABLE {PARENT} ATTACH PARTITION {name} "
                            f"FOR VALUES FROM ('{lo.isoformat()}') TO ('{hi.isoformat()}')"))
