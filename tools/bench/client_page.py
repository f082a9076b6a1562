"""Benchmark: the dietitian's client page on the demo, p95 per client (issue 18: ≤ 300 ms
for a client with a year of history).

    python -m tools.bench.client_page [--database-url URL] [--rounds 20] [--clients 8]

Reads the demo's database as ``make demo`` loaded it (``NUTRIPLAT_DATABASE_URL`` or the
default instance file unless a URL is given), signs in through the web login form as the
demo's first dietitian, picks the ``--clients`` clients of her organisation with the most
history (meal plans, intake records, measurements), requests each one's page
(``/app/dietitian/clients/<id>``) ``--rounds`` times in the application's own process (the
WSGI test client: no network), counts the SQL statements of one request, and prints the
figures as JSON: per client the median, p95 and statements, and the worst p95."""
from __future__ import annotations

import argparse
import json
import statistics
import sys

from sqlalchemy import event, func, select

from nutriplat.app import create_app
from nutriplat.auth.models import User
from nutriplat.clients.models import Client, IntakeRecord, Measurement
from nutriplat.config import Config
from nutriplat.db import UnitOfWork
from nutriplat.mealplans.models import MealPlan
from tools.bench.portal import GOAL_MS, _signed_in, _time
from tools.demo.population import people


def busiest_clients(uow: UnitOfWork, organisation_id: int, count: int) -> list[tuple[int, int]]:
    """(client id, rows of history) of the organisation's clients with the most history."""
    history = {}
    with uow:
        for model in (MealPlan, IntakeRecord, Measurement):
            for client_id, rows in uow.session.execute(
                    select(model.client_id, func.count()).join(Client, Client.id == model.client_id)
                    .where(Client.organisation_id == organisation_id).group_by(model.client_id)):
                history[client_id] = history.get(client_id, 0) + rows
    return sorted(history.items(), key=lambda pair: (-pair[1], pair[0]))[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    app = create_app(Config(DATABASE_URL=args.database_url) if args.database_url else Config())
    state = app.extensions["nutriplat"]
    uow = UnitOfWork(state.session_factory)
    username = people.DIETITIANS[0]
    with uow:
        organisation_id = uow.session.scalar(select(User.organisation_id).where(User.username == username))
    if organisation_id is None:
        raise SystemExit("no demo dietitian: load the demo first (make demo, or python -m tools.demo --no-serve)")
    browser = _signed_in(app, username, people.password_for("dietitian"))
    statements: list[str] = []
    event.listen(state.engine, "before_cursor_execute", lambda *call: statements.append(call[2]))
    figures = []
    chosen = busiest_clients(uow, organisation_id, args.clients)
    for number, (client_id, rows) in enumerate(chosen, 1):
        print(f"client {number}/{len(chosen)}: {client_id} ({rows} rows of history)", file=sys.stderr)
        statements.clear()
        path = f"/app/dietitian/clients/{client_id}"
        times: dict[str, list[float]] = {}
        _time(browser, path, path, 0, times)  # one untimed request: its statements are counted
        counted = len(statements)
        _time(browser, path, path, args.rounds, times)
        page = times[path]
        figures.append({"client_id": client_id, "history_rows": rows, "statements": counted,
                        "median_ms": round(statistics.median(page), 1),
                        "p95_ms": round(statistics.quantiles(page, n=20)[-1], 1)})
    worst = max((f["p95_ms"] for f in figures), default=0.0)
    print(json.dumps({"page": "/app/dietitian/clients/<id>", "rounds": args.rounds, "clients": figures,
                      "worst_p95_ms": worst, "goal_ms": GOAL_MS, "met": worst <= GOAL_MS}, indent=2))


if __name__ == "__main__":
    main()
