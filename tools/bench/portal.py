"""Benchmark: the portal's pages on the demo, p95 per page (issue 17: every page ≤ 300 ms).

    python -m tools.bench.portal [--database-url URL] [--rounds 40]

Reads the demo's database as ``make demo`` loaded it (``NUTRIPLAT_DATABASE_URL`` or the
default instance file unless a URL is given): signs in through the web login form as each
demo client (``client.*``) and as the demo caregiver (``mantelzorger.an``), then requests
each section page of /app/me (today, eaten, home, goals, messages, data, read), /app/care and each
section of /app/care/<id> of each mandated client ``--rounds`` times in the application's
own process (the WSGI test client: no network), and prints the median and p95 per page.
The wall clock of the Flask app's request handling is what is measured."""
from __future__ import annotations

import argparse
import re
import statistics
import time

from flask import Flask

from nutriplat.app import create_app
from nutriplat.config import Config
from tools.demo.population import people
from tools.demo.portal import PASSWORD as CLIENT_PASSWORD

GOAL_MS = 300.0
SECTIONS = ("", "/eaten", "/home", "/goals", "/messages", "/data", "/read")
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
BASE = "https://localhost"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    config = Config(DATABASE_URL=args.database_url) if args.database_url else Config()
    app = create_app(config)
    with app.app_context():
        from sqlalchemy import select

        from nutriplat.auth.models import User
        from nutriplat.db import UnitOfWork
        with UnitOfWork(app.extensions["nutriplat"].session_factory) as uow:
            clients = list(uow.session.scalars(select(User.username).where(User.role == "client")))
    if not clients:
        raise SystemExit("no client accounts: load the demo first (make demo, or python -m tools.demo --no-serve)")
    pages: dict[str, list[float]] = {}
    for username in clients:
        browser = _signed_in(app, username, CLIENT_PASSWORD)
        for section in SECTIONS:
            _time(browser, f"/app/me{section}", f"/app/me{section}", args.rounds, pages)
    browser = _signed_in(app, people.CAREGIVER, people.password_for("caregiver"))
    listing = _time(browser, "/app/care", "/app/care", args.rounds, pages)
    for client_id in sorted(set(re.findall(r'/app/care/(\d+)"', listing))):
        for section in SECTIONS:
            _time(browser, f"/app/care/{client_id}{section}", f"/app/care/<id>{section}", args.rounds, pages)
    print(f"{'page':<30}{'requests':>9}{'median ms':>11}{'p95 ms':>9}")
    worst = 0.0
    for name, times in pages.items():
        p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
        worst = max(worst, p95)
        print(f"{name:<30}{len(times):>9}{statistics.median(times):>11.1f}{p95:>9.1f}")
    print(f"goal: every page p95 ≤ {GOAL_MS:.0f} ms: {'met' if worst <= GOAL_MS else 'NOT met'} (worst {worst:.1f} ms)")


def _signed_in(app: Flask, username: str, password: str):  # type: ignore[no-untyped-def]
    browser = app.test_client()
    token = CSRF.search(browser.get("/app/login", base_url=BASE).get_data(as_text=True))
    assert token, "the login form carries a CSRF token"
    answer = browser.post("/app/login", base_url=BASE, headers={"Referer": f"{BASE}/app/"},
                          data={"username": username, "password": password, "csrf_token": token.group(1)})
    assert answer.status_code == 302, f"{username} could not sign in ({answer.status_code})"
    return browser


def _time(browser, path: str, name: str, rounds: int, pages: dict[str, list[float]]) -> str:  # type: ignore[no-untyped-def]
    html = browser.get(path, base_url=BASE).get_data(as_text=True)  # untimed: templates compiled once per process
    for _ in range(rounds):
        started = time.perf_counter()
        response = browser.get(path, base_url=BASE)
        pages.setdefault(name, []).append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, f"{path}: {response.status_code}"
        html = response.get_data(as_text=True)
    return html


if __name__ == "__main__":
    main()
