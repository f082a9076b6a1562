"""Benchmark: one part of the nightly early warning, on a loaded database (``python -m tools.region``).

    python -m tools.bench.early_warning --database-url URL [--date 2026-12-09] [--part c0] [--profile 25]

Takes a part of the clients in care (the first by default) and runs the rules for it as the
job's part does (``evaluate_clients``, a transaction per ``BATCH`` clients) for the date (the
business day by default), each transaction rolled back, so the database stays as it was;
prints, as JSON, the part's clients, the alerts found, the time, the time per client and the
statements sent, and with ``--profile N`` the N functions with the most cumulative time (cProfile)."""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import time
from collections import Counter
from datetime import date
from typing import Any

from sqlalchemy import select

from nutriplat import events
from nutriplat import models as _all_models  # noqa: F401  (every mapper known before use)
from nutriplat.clients.models import Client
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork, make_engine, make_session_factory
from nutriplat.monitoring.evaluation import evaluate_clients
from nutriplat.monitoring.sweep import BATCH, IN_CARE, early_warning_parts
from nutriplat.parts import client_range
from tools.bench.probes import StatementCount, costliest


def measure(url: str, day: date, part: str | None, profile: int) -> dict[str, Any]:
    engine = make_engine(url)
    factory = make_session_factory(engine)
    keys = early_warning_parts(lambda: UnitOfWork(factory), day)
    key = part or (keys[0] if keys else None)
    if key is None:
        return {"outcome": "skipped", "reason": "no client in care"}
    lo, hi = client_range(key)
    statements = StatementCount(engine)
    events.handlers_for(events.AlertRaised, events.IN_TRANSACTION)  # a worker imports the handlers once, not per part
    profiler = cProfile.Profile()
    counts: Counter[str] = Counter()
    with UnitOfWork(factory) as uow:
        ids = list(uow.session.scalars(select(Client.id).where(
            Client.status.in_(IN_CARE), Client.id >= lo, Client.id < hi).order_by(Client.id)))
    statements.reset()
    started = time.perf_counter()
    if profile:  # cProfile slows the run down: only when asked
        profiler.enable()
    for start in range(0, len(ids), BATCH):
        with UnitOfWork(factory) as uow:  # a transaction a batch, as the part's; rolled back on leaving
            clients = list(uow.session.scalars(select(Client).where(Client.id.in_(ids[start:start + BATCH]))))
            counts.update(evaluate_clients(uow.session, clients, day, record=uow.record))
            uow.session.flush()
    profiler.disable()
    seconds = time.perf_counter() - started
    figures: dict[str, Any] = {
        "date": day.isoformat(), "part": key, "parts": len(keys), "clients": len(ids), **dict(sorted(counts.items())),
        "seconds": round(seconds, 2), "ms_per_client": round(1000 * seconds / max(len(ids), 1), 1),
        "statements": statements.count, "statements_per_client": round(statements.count / max(len(ids), 1), 2),
        "load_average": round(os.getloadavg()[0], 2)}
    if profile:
        figures["profile"] = costliest(profiler, profile)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("NUTRIPLAT_DATABASE_URL"))
    parser.add_argument("--date", type=date.fromisoformat, default=None, help="YYYY-MM-DD (default: the business day)")
    parser.add_argument("--part", default=None, help="a part's key, e.g. c2000 (default: the first)")
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest functions")
    args = parser.parse_args()
    if not args.database_url:
        parser.error("give --database-url or set NUTRIPLAT_DATABASE_URL")
    print(json.dumps(measure(args.database_url, args.date or business_today(), args.part, args.profile), indent=2))


if __name__ == "__main__":
    main()
