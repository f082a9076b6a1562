"""Benchmark: "who read client X" on a large, monthly partitioned audit log (PostgreSQL).

    python -m tools.bench.audit [--database-url URL] [--rows N] [--months M] [--lookups K]

Generates N audit entries in PostgreSQL itself, a monthly partition at a time
(``tools.bench.audit_fill``: the app's mix of 20,000 clients, 400 users, its actions and
resources, spread over the last M months and this one), vacuums and analyses them as
autovacuum would after a bulk load, then times for K random clients, as a platform admin,
exactly what the API computes (the service's statement, the count and a page of 10):

- the first page of ``GET /api/v1/audit?client_id=X`` (everything about the client), and
- "who read client X": ``GET /api/v1/audit?client_id=X&action=read``.

Prints JSON: p50/p95/p99/max in ms as the service sees them (its round trips included) and
inside PostgreSQL (planning + execution, from EXPLAIN ANALYZE of the same lookups).
Goal at 100 M entries: at most 50 ms."""
from __future__ import annotations

import argparse
import json
import random
import statistics
import time

from sqlalchemy import func, select, text

from nutriplat import migrate
from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clock import now
from nutriplat.db import UnitOfWork, make_engine, make_session_factory
from nutriplat.list_views import PAGED_LIST_PAGE_SIZE
from nutriplat.pagination import page_of
from nutriplat.periods import Month
from tools.bench.audit_fill import Mix, fill

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/nutriplat_bench_audit"
DPO = Actor(0, "bench-dpo", "admin", None)  # a platform admin
LOOKUPS: dict[str, str | None] = {"first_page": None, "who_read": "read"}  # name -> action filter


def lookups(factory, clients: int, count: int, action: str | None) -> list[float]:  # type: ignore[no-untyped-def]
    timings, rng = [], random.Random(22)
    for _ in range(count):
        stmt = audit.query(DPO, audit.AuditFilter(client_id=rng.randint(1, clients), action=action))
        with UnitOfWork(factory) as uow:
            started = time.perf_counter()
            page_of(uow.session, stmt, 1, PAGED_LIST_PAGE_SIZE)
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def figures(timings: list[float]) -> dict[str, float]:
    timings = sorted(timings)
    at = lambda share: round(timings[max(0, int(len(timings) * share) - 1)], 2)  # noqa: E731
    return {"p50_ms": round(statistics.median(timings), 2), "p95_ms": at(0.95), "p99_ms": at(0.99),
            "max_ms": round(timings[-1], 2)}


def database_times(engine, clients: int, count: int, action: str | None) -> list[float]:  # type: ignore[no-untyped-def]
    """The same lookups' time inside PostgreSQL (EXPLAIN ANALYZE: planning and execution of the
    count and the page), which a loaded machine's waits for a core do not blur."""
    timings, rng = [], random.Random(22)
    with engine.connect() as connection:
        for _ in range(count):
            stmt = audit.query(DPO, audit.AuditFilter(client_id=rng.randint(1, clients), action=action))
            total = 0.0
            for sql in (select(func.count()).select_from(stmt.order_by(None).subquery()),
                        stmt.limit(PAGED_LIST_PAGE_SIZE)):
                compiled = sql.compile(engine, compile_kwargs={"literal_binds": True})
                explained = connection.execute(text(f"EXPLAIN (ANALYZE, FORMAT JSON) {compiled}")).scalar()
                total += explained[0]["Planning Time"] + explained[0]["Execution Time"]
            timings.append(total)
    return timings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--months", type=int, default=24, help="full months before this one")
    parser.add_argument("--clients", type=int, default=20_000)
    parser.add_argument("--users", type=int, default=400)
    parser.add_argument("--chunk", type=int, default=1_000_000, help="entries per INSERT (and transaction)")
    parser.add_argument("--lookups", type=int, default=200)
    args = parser.parse_args(argv)
    if not args.database_url.startswith("postgresql"):
        parser.error("the audit log is partitioned on PostgreSQL only: give a postgresql+psycopg:// URL")
    engine = make_engine(args.database_url)
    factory = make_session_factory(engine)
    migrate.upgrade(args.database_url)
    months = [Month.of(now().date())]
    for _ in range(args.months):
        months.insert(0, months[0].previous())
    filled = fill(engine, months, now(), args.rows, Mix(args.clients, args.users), args.chunk)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM (ANALYZE) audit_log")  # as autovacuum does after inserts
        total = connection.scalar(text("SELECT count(*) FROM audit_log"))
        size = connection.scalar(text(
            "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_inherits i "
            "JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_log'::regclass"))
        partitions = connection.scalar(text("SELECT count(*) FROM pg_inherits WHERE inhparent = 'audit_log'::regclass"))
    result: dict[str, object] = {"entries": total, "partitions": partitions, "size": size, "fill_s": round(filled, 1)}
    for name, action in LOOKUPS.items():
        lookups(factory, args.clients, 10, action)  # warm the cache, as a running service has it
        result[name] = {
            "lookup": f"GET /api/v1/audit?client_id=X{f'&action={action}' if action else ''} "
                      f"(count + page of {PAGED_LIST_PAGE_SIZE})",
            "lookups": args.lookups, **figures(lookups(factory, args.clients, args.lookups, action)),
            "in_database": figures(database_times(engine, args.clients, args.lookups, action))}
    print(json.dumps(result, indent=2))
    engine.dispose()


if __name__ == "__main__":
    main()
