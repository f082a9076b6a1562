"""``python -m tools.demo``: migrate, load the Roeselare pilot, print the logins, serve."""
from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

import click
from flask import current_app
from flask.cli import with_appcontext
from werkzeug.serving import run_simple

from nutriplat import migrate
from nutriplat.clock import business_today
from nutriplat.config import DETERMINISTIC_SOLVES
from nutriplat.db import UnitOfWork
from nutriplat.mealplans.cli import sized
from nutriplat.periods import last_complete_month
from tools.demo import population as pop
from tools.demo import simulate_cli
from tools.demo.billing import seed_billing
from tools.demo.care_teams import seed_care_teams
from tools.demo.catalogue.seed import seed_catalogue, seed_diet_profiles, seed_plans
from tools.demo.delivery import seed_delivery, seed_route_plans
from tools.demo.information_and_coaching import seed_information_and_coaching
from tools.demo.inventory import seed_stock
from tools.demo.outcomes import seed_intake, seed_outcomes
from tools.demo.portal import PASSWORD as CLIENT_PASSWORD
from tools.demo.portal import seed_portal
from tools.demo.referrals import seed_referrals
from tools.demo.screenings import seed_screenings
from tools.demo.seed import SeedReport, seed_clients, seed_organisations, seed_users
from tools.demo.wards import seed_wards

T = TypeVar("T")


@click.command("demo")
@click.option("--no-serve", is_flag=True, help="Load the demo data and exit.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--seed", default=pop.DEFAULT_SEED, show_default=True, help="Population seed.")
@click.option("--simulate-days", default=0, show_default=True, type=click.IntRange(0, 366),
              help="Then run the whole daily cycle (jobs included) over this many days from today.")
@click.option("--json", "as_json", is_flag=True,
              help="End with one line of JSON: the home stock figures of the simulated days.")
@with_appcontext
def demo(no_serve: bool, host: str, port: int, seed: int, simulate_days: int, as_json: bool) -> None:
    """Create (idempotently) the Roeselare pilot and serve the API."""
    started = time.monotonic()
    # The same date gives the same data and counts: loading and simulating solve on a step
    # budget; the served app is the planner's again (a time limit means seconds).
    deterministic_by_caller = DETERMINISTIC_SOLVES in os.environ
    os.environ.setdefault(DETERMINISTIC_SOLVES, "1")
    state = current_app.extensions["nutriplat"]
    url = current_app.config["DATABASE_URL"]
    click.echo(f"Database: {state.engine.url.render_as_string(hide_password=True)}")
    migrate.upgrade(url)
    population = pop.build_population(seed, business_today())
    report = SeedReport()
    with UnitOfWork(state.session_factory) as uow:
        org_ids = seed_organisations(uow.session, population, report)
        user_ids = seed_users(uow.session, population, state.passwords, org_ids, report)
        seed_clients(uow.session, population, org_ids, user_ids, report, _bar("Clients"))
        uow.commit()
    with UnitOfWork(state.session_factory) as uow:
        added = seed_screenings(
            uow.session, state.session_factory, population, org_ids, user_ids,
            population.reference_date, _bar("Screening histories"))
        if added:
            report.count("screenings", added)
    with UnitOfWork(state.session_factory) as uow:
        seed_catalogue(uow.session, report)
        seed_diet_profiles(uow.session, population, report)
        uow.commit()
    with click.progressbar(length=1, label=f"{'Meal plans':<22}", show_pos=True) as bar:
        seed_plans(state.session_factory, population, report, sized(bar))
    seed_information_and_coaching(state.session_factory, last_complete_month(population.reference_date), report)
    seed_billing(state.session_factory, population, population.reference_date, report, _bar("Billing"))
    seed_intake(state.session_factory, seed, population.reference_date, report)
    # Care teams before the delivery history and the sweep in seed_outcomes: their alerts are told.
    seed_care_teams(state.session_factory, report)
    seed_stock(state.session_factory, report, population.reference_date, _bar("Stock and deliveries"))
    seed_delivery(state.session_factory, report, population.reference_date)
    seed_outcomes(state.session_factory, seed, population.reference_date, report)
    seed_referrals(state.session_factory, org_ids, user_ids, report)
    client_logins = seed_portal(state.session_factory, state.passwords, report)
    seed_wards(state.session_factory, population, org_ids, user_ids, report, population.reference_date)
    seed_route_plans(state.session_factory, report, population.reference_date)  # homes and facility sites
    created = ", ".join(f"{n} {what}" for what, n in report.created.items()) or "nothing new"
    click.echo(f"Demo data ready in {time.monotonic() - started:.1f} s ({created}).")
    if simulate_days:
        simulate_cli.simulate(state.session_factory, population, simulate_days)
    _print_logins(population, client_logins)
    if as_json:
        click.echo(json.dumps(simulate_cli.figures(state.session_factory, population.reference_date, simulate_days),
                              sort_keys=True))
    if not no_serve:
        if not deterministic_by_caller:
            del os.environ[DETERMINISTIC_SOLVES]
        click.echo(f"Web application on http://{host}:{port}/app — API on http://{host}:{port}/api/v1 "
                   f"— docs on http://{host}:{port}/api/docs")
        # Flask refuses app.run() inside its own CLI; serve with Werkzeug directly.
        run_simple(host, port, current_app._get_current_object(), threaded=True)


def _bar(label: str) -> Callable[[Iterable[T]], Iterator[T]]:
    """A progress bar over a step's items (clients, plans, …)."""

    def progress(items: Iterable[T]) -> Iterator[T]:
        items = list(items)
        with click.progressbar(items, label=f"{label:<22}", show_pos=True) as bar:
            yield from bar

    return progress


def _print_logins(population: pop.Population, client_logins: list[str]) -> None:
    click.echo("\nDemo logins (demo data only — never use these passwords for real):")
    click.echo(f"  {'username':<22}{'role':<12}password")
    for user in population.users:
        click.echo(f"  {user.username:<22}{user.role:<12}{user.password}")
    for username in client_logins:  # invited by their dietitian (issue 17): /app/me
        click.echo(f"  {username:<22}{'client':<12}{CLIENT_PASSWORD}")
    click.echo('\nGet a token:  curl -s -X POST http://127.0.0.1:5000/api/v1/auth/token '
               '-H "Content-Type: application/json" '
               '-d \'{"username": "dietist.lien", "password": "dietitian-demo-only-2026"}\'')
