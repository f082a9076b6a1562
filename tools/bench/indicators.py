"""Benchmark: a full indicator report over 100,000 clients with 2 million measurements.

    python -m tools.bench.indicators [--database-url URL] [--clients N] [--rebuild]

Builds the data once (reused when the database already holds it), then times the report
exactly as ``GET /api/v1/reports/indicators`` computes it: the whole starter set, for the
agreement's baseline quarter and the follow-up quarter, every breakdown, suppression and
the disclosure check. Goal on the project machine (2 shared cores): at most 10 s."""
from __future__ import annotations

import argparse
import time

from sqlalchemy import select

from nutriplat import migrate
from nutriplat.auth.actor import Actor
from nutriplat.auth.models import Organisation, User
from nutriplat.db import UnitOfWork, make_engine, make_session_factory
from nutriplat.indicators import reports
from nutriplat.indicators.models import Agreement
from tools.bench.indicators_data import build

DEFAULT_URL = "sqlite:////tmp/nutriplat-bench.sqlite3"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--measurements", type=int, default=2_000_000)
    parser.add_argument("--rebuild", action="store_true", help="build the data even if it is there")
    args = parser.parse_args(argv)
    engine = make_engine(args.database_url)
    factory = make_session_factory(engine)
    migrate.upgrade(args.database_url)
    with UnitOfWork(factory) as uow:
        agreement_id = uow.session.scalar(select(Agreement.id).where(Agreement.name == "Benchmark"))
    if agreement_id is None or args.rebuild:
        started = time.perf_counter()
        agreement_id = build(engine, factory, args.clients, args.measurements)
        with engine.begin() as connection:  # fresh statistics, as autovacuum would gather after a bulk load
            connection.exec_driver_sql("ANALYZE")
        print(f"built {args.clients:,} clients, {args.measurements:,} measurements in "
              f"{time.perf_counter() - started:.1f} s")
    with UnitOfWork(factory) as uow:
        reader = uow.session.scalar(select(User).join(Organisation, Organisation.id == User.organisation_id)
                                    .where(Organisation.name == "Bench cofinancer"))
        assert reader is not None
        actor = Actor(reader.id, reader.username, reader.role, reader.organisation_id)
    started, cpu = time.perf_counter(), time.process_time()
    found = reports.indicator_report(UnitOfWork(factory), actor, agreement_id, "2026Q3")
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    suppressed = sum(row.suppressed for row in found.rows)
    print(f"full indicator report (12 indicators, 2 periods, 7 breakdowns): {elapsed:.2f} s "
          f"(CPU {cpu:.2f} s; {len(found.rows)} rows, {suppressed} suppressed) on {engine.dialect.name}")
    engine.dispose()


if __name__ == "__main__":
    main()
