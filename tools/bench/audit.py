"""Benchmark: "who read client X" on a large, monthly partitioned audit log (PostgreSQL).

    python -m tools.bench.audit [--database-url URL] [--rows N] [--months M] [--lookups K]

Generates audit entries (in the database, with generate_series: reads of clients by users,
spread over the last M months) until the log holds N, then times the first page of
``GET /api/v1/audit?client_id=X`` for a platform admin exactly as the API computes it (the
service's statement, the count and the page) for K random clients. Prints JSON. Goal at
100 M entries: at most 50 ms."""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time

from sqlalchemy import func, select, text

from nutriplat import migrate
from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.auth.audit_partitions import ahead, ensure_partitions
from nutriplat.auth.models import AuditEntry
from nutriplat.clock import now
from nutriplat.db import UnitOfWork, make_engine, make_session_factory
from nutriplat.list_views import PAGED_LIST_PAGE_SIZE
from nutriplat.pagination import page_of
from nutriplat.periods import Month

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/nutriplat_bench_audit"
DPO = Actor(0, "bench-dpo", "admin", None)  # a platform admin
GENERATE = """
INSERT INTO audit_log (at, user_id, username, role, organisation_id, action, resource, resource_id, client_id,
                       ip, purpose)
SELECT now() - random() * make_interval(days => :days), u, 'user' || u, 'dietitian', 1 + u % 5,
       (ARRAY['read', 'list', 'update'])[1 + (n % 3)], 'client', c::text, c, '10.0.0.' || (u % 250), 'care'
FROM (SELECT n, 1 + (random() * (:users - 1))::int AS u, 1 + (random() * (:clients - 1))::int AS c
      FROM generate_series(1, :batch) AS n) AS g"""


def fill(factory, rows: int, months: int, clients: int, users: int, batch: int) -> float:  # type: ignore[no-untyped-def]
    with UnitOfWork(factory) as uow:  # the months the entries fall in, each a partition (as the job keeps them)
        current = Month.of(now().date())
        first = current
        for _ in range(months):
            first = first.previous()
        ensure_partitions(uow.session.connection(), first, ahead(current))
        have = uow.session.scalar(select(func.count()).select_from(AuditEntry)) or 0
        uow.commit()
    started, made = time.perf_counter(), 0
    while have + made < rows:
        size = min(batch, rows - have - made)
        with UnitOfWork(factory) as uow:
            uow.session.execute(text(GENERATE), {"days": months * 30, "users": users, "clients": clients,
                                                 "batch": size})
            uow.commit()
        made += size
        rate = made / (time.perf_counter() - started)
        print(f"\r{have + made:,}/{rows:,} entries ({rate:,.0f}/s)", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return time.perf_counter() - started


def lookups(factory, clients: int, count: int) -> list[float]:  # type: ignore[no-untyped-def]
    timings, rng = [], random.Random(22)
    for _ in range(count):
        stmt = audit.query(DPO, audit.AuditFilter(client_id=rng.randint(1, clients)))
        with UnitOfWork(factory) as uow:
            started = time.perf_counter()
            page_of(uow.session, stmt, 1, PAGED_LIST_PAGE_SIZE)
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--clients", type=int, default=20_000)
    parser.add_argument("--users", type=int, default=400)
    parser.add_argument("--batch", type=int, default=500_000)
    parser.add_argument("--lookups", type=int, default=200)
    args = parser.parse_args(argv)
    if not args.database_url.startswith("postgresql"):
        parser.error("the audit log is partitioned on PostgreSQL only: give a postgresql+psycopg:// URL")
    engine = make_engine(args.database_url)
    factory = make_session_factory(engine)
    migrate.upgrade(args.database_url)
    filled = fill(factory, args.rows, args.months, args.clients, args.users, args.batch)
    with engine.begin() as connection:  # fresh statistics, as autovacuum would gather after a bulk load
        connection.exec_driver_sql("ANALYZE audit_log")
        total = connection.scalar(text("SELECT count(*) FROM audit_log"))
        size = connection.scalar(text(
            "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_inherits i "
            "JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_log'::regclass"))
        partitions = connection.scalar(text("SELECT count(*) FROM pg_inherits WHERE inhparent = 'audit_log'::regclass"))
    lookups(factory, args.clients, 10)  # warm the cache, as a running service has it
    timings = sorted(lookups(factory, args.clients, args.lookups))
    print(json.dumps({
        "entries": total, "partitions": partitions, "size": size, "fill_s": round(filled, 1),
        "lookup": f"first page of GET /api/v1/audit?client_id=X (count + page of {PAGED_LIST_PAGE_SIZE})",
        "lookups": len(timings), "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 2),
        "p99_ms": round(timings[int(len(timings) * 0.99) - 1], 2), "max_ms": round(timings[-1], 2),
    }, indent=2))
    engine.dispose()


if __name__ == "__main__":
    main()
