"""``python -m tools.region.nightly [--database-url URL] [--workers 2]``: the whole nightly
cycle on the region's data (``python -m tools.region`` first), with worker processes on the
work queue as production runs it, timed step by step; prints the figures as JSON.

The steps run in the night's order through the job runner (``nutriplat jobs run``): early
warning, reorder (consumption and home delivery orders), route plans for tomorrow (every
depot, ``--route-time-limit`` seconds each), the rescreening list; then the monthly invoicing
of the last complete month and the cofinancer's indicator report. Each job runs once per
period: on the same data a second measurement finds its periods done (load the region again)."""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import time
import uuid
from datetime import date, timedelta
from multiprocessing.process import BaseProcess
from typing import Any

from sqlalchemy import func, select

from nutriplat import queue
from nutriplat.auth.actor import Actor
from nutriplat.auth.models import User
from nutriplat.clients.models import Client
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork, make_engine, make_session_factory
from nutriplat.indicators import reports
from nutriplat.indicators.models import Agreement
from nutriplat.jobs.runner import RetryPolicy, run_job
from nutriplat.jobs.worker import run_worker
from nutriplat.periods import last_complete_month, last_complete_quarter
from tools.region.setup import AGREEMENT, COFINANCER_USER

NIGHT = ("early-warning", "reorder", "route-plans", "rescreening-worklist")
TARGETS_S = {"nightly": 15 * 60, "invoicing": 10 * 60, "indicator report": 10}


def _worker(url: str, queue_url: str) -> None:
    sys.stdout = sys.stderr  # the workers' log beside the progress: stdout carries only the JSON
    run_worker(make_session_factory(make_engine(url)), queue_url)


def _start_workers(url: str, queue_url: str, n: int) -> list[BaseProcess]:
    context = multiprocessing.get_context("spawn")  # fresh processes, as `nutriplat jobs worker` starts
    workers: list[BaseProcess] = [context.Process(target=_worker, args=(url, queue_url), daemon=True)
                                  for _ in range(n)]
    for worker in workers:
        worker.start()
    return workers


def _stop(workers: list[BaseProcess]) -> None:
    for worker in workers:
        worker.terminate()  # RQ's warm shutdown: the running part ends first
    for worker in workers:
        worker.join(60)
        if worker.is_alive():
            worker.kill()


def _step(factory: Any, name: str, period: Any) -> dict[str, Any]:
    print(f"{name} {period} …", file=sys.stderr, flush=True)
    started = time.perf_counter()
    result = run_job(factory, name, period, trigger="region", policy=RetryPolicy(retries=0))
    figures = {"seconds": round(time.perf_counter() - started, 1), "outcome": result.outcome,
               "counts": result.counts, "load_average": round(os.getloadavg()[0], 2)}
    if result.reason:
        figures["reason"] = result.reason
    print(f"{name} {period}: {figures['seconds']} s, {result.outcome}", file=sys.stderr, flush=True)
    return figures


def _report(factory: Any, today: date) -> dict[str, Any]:
    with UnitOfWork(factory) as uow:
        reader = uow.session.scalar(select(User).where(User.username == COFINANCER_USER))
        agreement = uow.session.scalar(select(Agreement.id).where(Agreement.name == AGREEMENT))
    if reader is None or agreement is None:
        return {"outcome": "skipped", "reason": "no region agreement: load the region with python -m tools.region"}
    actor = Actor(reader.id, reader.username, reader.role, reader.organisation_id)
    period = last_complete_quarter(today).label
    started = time.perf_counter()
    found = reports.indicator_report(UnitOfWork(factory), actor, agreement, period)
    return {"seconds": round(time.perf_counter() - started, 2), "outcome": "succeeded", "period": period,
            "rows": len(found.rows), "load_average": round(os.getloadavg()[0], 2)}


def measure(url: str, queue_url: str, workers: int, today: date, route_time_limit_s: float,
            steps: tuple[str, ...] = (*NIGHT, "invoicing", "indicator report")) -> dict[str, Any]:
    os.environ[queue.QUEUE_URL] = queue_url
    # Queues of this run's own: no other installation's worker takes its work, nor it theirs
    # (a NUTRIPLAT_QUEUE_PREFIX given names them too, so whose they are shows on a shared Redis).
    os.environ[queue.QUEUE_PREFIX] = f"{os.environ.get(queue.QUEUE_PREFIX, 'region')}-{uuid.uuid4().hex[:8]}"
    os.environ["NUTRIPLAT_ROUTE_PLAN_TIME_LIMIT_S"] = str(route_time_limit_s)
    factory = make_session_factory(make_engine(url))
    with UnitOfWork(factory) as uow:
        clients = uow.session.scalar(select(func.count()).select_from(Client))
    figures: dict[str, Any] = {"clients": clients, "workers": workers, "date": today.isoformat(),
                               "load_average_start": [round(x, 2) for x in os.getloadavg()], "steps": {}}
    pool = _start_workers(url, queue_url, workers)
    try:
        periods = {"early-warning": today, "reorder": today, "route-plans": today + timedelta(days=1),
                   "rescreening-worklist": today}
        for name in (n for n in NIGHT if n in steps):
            figures["steps"][name] = _step(factory, name, periods[name])
        if "invoicing" in steps:
            figures["steps"]["invoicing"] = _step(factory, "invoicing", last_complete_month(today))
    finally:
        _stop(pool)
    if "indicator report" in steps:
        figures["steps"]["indicator report"] = _report(factory, today)
    done = figures["steps"]
    if all(n in done for n in NIGHT):
        figures["nightly_s"] = round(sum(done[n]["seconds"] for n in NIGHT), 1)
    figures["targets_s"] = TARGETS_S
    figures["met"] = {what: seconds <= TARGETS_S[what] for what, seconds in (
        ("nightly", figures.get("nightly_s")), ("invoicing", done.get("invoicing", {}).get("seconds")),
        ("indicator report", done.get("indicator report", {}).get("seconds"))) if seconds is not None}
    figures["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("NUTRIPLAT_DATABASE_URL"))
    parser.add_argument("--queue-url", default=os.environ.get(queue.QUEUE_URL) or "redis://127.0.0.1:6379/0")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--route-time-limit", type=float, default=30.0, help="seconds per depot's solve")
    parser.add_argument("--date", type=date.fromisoformat, default=None, help="the night's date (default: today)")
    parser.add_argument("--steps", default=",".join((*NIGHT, "invoicing", "indicator report")),
                        help="which steps, comma-separated (default: all)")
    args = parser.parse_args()
    if not args.database_url:
        parser.error("give --database-url or set NUTRIPLAT_DATABASE_URL")
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    steps = tuple(s.strip() for s in args.steps.split(","))
    if unknown := set(steps) - {*NIGHT, "invoicing", "indicator report"}:
        parser.error(f"--steps: no step {', '.join(sorted(unknown))}")
    figures = measure(args.database_url, args.queue_url, args.workers, args.date or business_today(),
                      args.route_time_limit, steps)
    json.dump(figures, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
