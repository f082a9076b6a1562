"""Benchmark: one slice of the monthly invoicing, on a loaded database (``python -m tools.region``).

    python -m tools.bench.invoicing --database-url URL [--month 2026-11] [--profile 25]

Takes the first provider's first slice of clients still to invoice for the month (the last
complete one by default), writes its invoices as the run's part does (``invoicing_slice``)
and rolls the transaction back, so the month stays to be invoiced; prints, as JSON, the
slice's clients and invoices, the time, the time per invoice and the statements sent, and
with ``--profile N`` the N functions with the most cumulative time (cProfile)."""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import time
from typing import Any

from nutriplat import models as _all_models  # noqa: F401  (every mapper known before use)
from nutriplat.billing import invoicing_run
from nutriplat.billing.invoicing_slice import invoice_clients
from nutriplat.billing.rates import rates_on, vat_percent
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork, make_engine, make_session_factory
from nutriplat.parts import client_range, prefix_id
from nutriplat.periods import Month, last_complete_month
from tools.bench.probes import StatementCount, costliest


def measure(url: str, month: Month, profile: int) -> dict[str, Any]:
    engine = make_engine(url)
    factory = make_session_factory(engine)
    keys = invoicing_run.parts(lambda: UnitOfWork(factory), month)
    if not keys:
        return {"outcome": "skipped", "reason": f"nothing left to invoice for {month}"}
    organisation_id, (lo, hi) = prefix_id(keys[0]), client_range(keys[0])
    statements = StatementCount(engine)
    profiler = cProfile.Profile()
    with UnitOfWork(factory) as uow:  # rolled back on leaving: nothing is kept
        session = uow.session
        clients = invoicing_run.candidates(session, organisation_id, month, lo, hi)
        vat = vat_percent(rates_on(session, organisation_id, month.first))
        statements.reset()
        started = time.perf_counter()
        profiler.enable()
        made = invoice_clients(session, organisation_id, clients, month, business_today(), vat)
        profiler.disable()
        seconds = time.perf_counter() - started
    figures: dict[str, Any] = {
        "part": keys[0], "parts": len(keys), "clients": len(clients), "invoices": made, "seconds": round(seconds, 2),
        "ms_per_invoice": round(1000 * seconds / max(made, 1), 1), "statements": statements.count,
        "load_average": round(os.getloadavg()[0], 2)}
    if profile:
        figures["profile"] = costliest(profiler, profile)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("NUTRIPLAT_DATABASE_URL"))
    parser.add_argument("--month", type=Month.parse, default=None, help="YYYY-MM (default: the last complete)")
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest functions")
    args = parser.parse_args()
    if not args.database_url:
        parser.error("give --database-url or set NUTRIPLAT_DATABASE_URL")
    print(json.dumps(measure(args.database_url, args.month or last_complete_month(business_today()), args.profile),
                     indent=2))


if __name__ == "__main__":
    main()
