"""Benchmark of the dietitian's client page with its timeline (issue 18): ``python -m
tools.bench.coaching [--requests N] [--database-url URL]``.

Builds, in a fresh database (a temporary SQLite file unless a URL is given), one client with
a year of history — three meals and their fluid every day, a weight every week, a screening
every quarter, a coaching session every month with two actions, an alert a month, items
of the library given (no meal plans: a plan is made by the planner, not written here) — and times the
client page (``/app/dietitian/clients/{id}``, the timeline of the last 30 days on it) and the
year's timeline from the API (``GET /api/v1/clients/{id}/timeline``), signed in as the
dietitian. Reports the median and p95 of wall-clock time; target: page p95 ≤ 300 ms."""
from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from nutriplat import migrate
from nutriplat.app import create_app
from nutriplat.auth import services as auth_services
from nutriplat.auth.actor import SYSTEM
from nutriplat.clients.models import Client, IntakeRecord, Measurement
from nutriplat.clock import BRUSSELS, business_today
from nutriplat.coaching.models import CoachingAction, CoachingSession
from nutriplat.config import Config
from nutriplat.content.models import ContentAssignment, ContentItem
from nutriplat.db import UnitOfWork
from nutriplat.monitoring.models import Alert
from nutriplat.screening.models import Screening

PASSWORD = "bench-only-password-2026"
SLOTS = ("breakfast", "lunch", "dinner")


def at(day: date, hour: int) -> datetime:
    return datetime.combine(day, datetime.min.time(), tzinfo=BRUSSELS) + timedelta(hours=hour)


def build_year(uow: UnitOfWork, organisation_id: int, dietitian_id: int, today: date) -> int:
    """One client with a year of history up to ``today``; returns the client's id."""
    with uow:
        s = uow.session
        client = Client(organisation_id=organisation_id, given_name="Jozef", family_name="Bench",
                        birth_date=date(1941, 2, 3), sex="male", care_setting="home", status="active",
                        iddsi_food_level="5", iddsi_drink_level="2")
        s.add(client)
        s.flush()
        item = ContentItem(organisation_id=organisation_id, key="fluid-daily", kind="article", topic="fluid",
                           lang="nl-BE", title="Genoeg drinken", body="1,5 tot 2 liter per dag.",
                           author="Bench", reviewed_on=today)
        s.add(item)
        s.flush()
        for n in range(365):
            day = today - timedelta(days=365 - n)
            for slot in SLOTS:
                s.add(IntakeRecord(client_id=client.id, date=day, meal_slot=slot, percent_eaten=50 + (n * 7) % 50,
                                   fluid_ml=250 + (n * 13) % 200, recorded_by=dietitian_id))
            if n % 7 == 0:
                s.add(Measurement(client_id=client.id, type="weight_kg", value=70 - n / 60, measured_at=at(day, 9),
                                  measured_by=dietitian_id))
            if n % 91 == 0:
                s.add(Screening(client_id=client.id, instrument="mna_sf", instrument_version="2009", answers={},
                                derived={}, components={}, total_score=10, risk="at_risk", performed_at=at(day, 10),
                                performed_on=day, performed_by=dietitian_id, next_due=day + timedelta(days=90)))
            if n % 30 == 0:
                session = CoachingSession(organisation_id=organisation_id, client_id=client.id, status="held",
                                          mode="home_visit", held_at=at(day, 11), held_on=day, coach_id=dietitian_id,
                                          assessment="Intake wisselend", plan="Eiwitrijk avondmaal")
                session.actions = [CoachingAction(client_id=client.id, text=t, owner="caregiver", due_on=day)
                                   for t in ("Wegen", "Drinken noteren")]
                s.add(session)
                s.add(Alert(organisation_id=organisation_id, client_id=client.id, rule="intake_below_75_7_days",
                            severity="medium", cause="Inname onder 75 %", status="resolved", evidence_from=day,
                            first_detected_on=day, last_detected_on=day, detail={}, created_at=at(day, 1)))
                s.add(ContentAssignment(organisation_id=organisation_id, client_id=client.id,
                                        content_item_id=item.id, assigned_on=day, assigned_at=at(day, 12)))
        uow.commit()
        return client.id


def timed(call: Callable[[], Any], requests: int) -> list[float]:
    call()  # warm up: templates, statement caches
    out = []
    for _ in range(requests):
        started = time.perf_counter()
        response = call()
        out.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return out


def report(name: str, times: list[float]) -> None:
    p95 = statistics.quantiles(times, n=20)[-1]
    print(f"{name:<44} median {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms   (n={len(times)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--database-url", help="an empty database (default: a temporary SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        migrate.upgrade(url)
        app = create_app(Config(DATABASE_URL=url, SESSION_COOKIE_SECURE=False))
        state = app.extensions["nutriplat"]
        uow = UnitOfWork(state.session_factory)
        organisation = auth_services.create_organisation(uow, "Bench provider", "provider", SYSTEM)
        dietitian = auth_services.create_user(uow, state.passwords, SYSTEM, "bench.dietist", PASSWORD,
                                              "dietitian", organisation.name)
        started = time.perf_counter()
        client_id = build_year(uow, organisation.id, dietitian.id, business_today())
        print(f"A year of history for one client built in {time.perf_counter() - started:.1f} s")
        api = app.test_client()
        token = api.post("/api/v1/auth/token", json={"username": "bench.dietist", "password": PASSWORD}).json
        headers = {"Authorization": f"Bearer {token['access_token']}"}
        web = app.test_client()
        form = web.get("/app/login").get_data(as_text=True)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', form)
        assert csrf is not None
        signed_in = web.post("/app/login", data={"username": "bench.dietist", "password": PASSWORD,
                                                 "csrf_token": csrf.group(1)})
        assert signed_in.status_code == 302, signed_in.status_code
        year = f"from={(business_today() - timedelta(days=365)).isoformat()}&to={business_today().isoformat()}"
        report("client page with its 30-day timeline (web)",
               timed(lambda: web.get(f"/app/dietitian/clients/{client_id}"), args.requests))
        report("timeline of the year, first page (API)",
               timed(lambda: api.get(f"/api/v1/clients/{client_id}/timeline?{year}", headers=headers),
                     args.requests))
        state.engine.dispose()


if __name__ == "__main__":
    main()
