"""Load the region into a fresh database: the set-up through the ORM (a few hundred rows),
then every client table with Core bulk inserts, a progress bar per table, and each step's
time. The client-side rows are generated on the fly (never all in memory as dicts)."""
from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, timedelta
from functools import partial
from typing import Any, TypeVar

import click
from sqlalchemy import insert, text

from nutriplat.billing.models import Invoice, Subscription
from nutriplat.clients.models import CareSettingTransfer, Client, Consent, IntakeRecord, Measurement, StatusChange
from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import ClientWindow, DeliveryOrder
from nutriplat.periods import last_complete_month
from nutriplat.screening.models import Screening
from tools.builders import database, stock
from tools.builders.bulk import write_rows
from tools.demo.delivery import window_for
from tools.region import history, people, setup
from tools.region.history import Ids
from tools.region.people import RegionClient

T = TypeVar("T")
FACILITIES, HOSPITALS = 40, 5
PLANNED_WEEKS = 2  # approved plans for this week and the next: the reorder's horizon
EQUIP_CHUNK = 2_000


class Steps:
    """Times each step; ``figures`` is what the tool prints as JSON."""

    def __init__(self) -> None:
        self.figures: dict[str, Any] = {"steps_s": {}, "rows": {}}

    def timed(self, name: str, step: Callable[[], T]) -> T:
        started = time.perf_counter()
        result = step()
        self.figures["steps_s"][name] = round(time.perf_counter() - started, 1)
        return result


def _bar(label: str, clients: Sequence[RegionClient]) -> Callable[[], Iterator[RegionClient]]:
    def run() -> Iterator[RegionClient]:
        with click.progressbar(clients, label=f"{label:<22}", show_pos=True,
                               file=click.get_text_stream("stderr")) as bar:
            yield from bar
    return run


def load(url: str, count: int, today: date, seed: int = 2026) -> dict[str, Any]:
    steps = Steps()
    factory = steps.timed("migrate", lambda: database.fresh(url))
    engine = factory.kw["bind"]
    sites = people.facilities(FACILITIES, HOSPITALS, seed)
    with UnitOfWork(factory) as uow:
        provider, supplier, wards = setup.organisations(uow.session, sites)
        user_ids = setup.users(uow.session, provider)
        setup.agreement(uow.session, provider, today)
        warehouses, products = steps.timed("depots, vans, catalogue, stock", lambda: setup.depots(
            uow.session, provider, supplier, today))
        uow.commit()
    plans = steps.timed("billing rules", lambda: setup.billing(
        lambda: UnitOfWork(factory), user_ids["admin.regio"], provider, today))
    ids = Ids(provider, user_ids, warehouses, wards, plans)
    clients = steps.timed("generate clients", lambda: list(people.clients(
        count, 1, today, sites, seed, setup.DIETITIANS)))
    tables: list[tuple[str, Any, Callable[[Iterable[RegionClient]], Iterable[dict[str, Any]]]]] = [
        ("clients", Client, lambda cs: history.client_rows(cs, ids)),
        ("status changes", StatusChange, lambda cs: history.status_rows(cs, today)),
        ("setting transfers", CareSettingTransfer, lambda cs: history.transfer_rows(cs)),
        ("consents", Consent, lambda cs: history.consent_rows(cs, seed)),
        ("measurements", Measurement, lambda cs: history.measurement_rows(cs, ids)),
        ("screenings", Screening, lambda cs: history.screening_rows(cs, today, seed)),
        ("intake", IntakeRecord, lambda cs: history.intake_rows(cs, today, seed)),
        ("deliveries", DeliveryOrder, lambda cs: history.delivery_rows(cs, today, ids)),
        ("subscriptions", Subscription, lambda cs: history.subscription_rows(cs, ids)),
        ("invoices", Invoice, lambda cs: history.invoice_rows(
            cs, today, ids, last_complete_month(today).previous())),
    ]
    for label, model, rows in tables:
        written = rows(_bar(label, clients)())
        steps.figures["rows"][label] = steps.timed(label, partial(write_rows, engine, model, written))
    if engine.dialect.name == "postgresql":  # the ids were given: the sequence follows
        with engine.begin() as connection:
            connection.execute(text("SELECT setval(pg_get_serial_sequence('clients', 'id'), max(id)) FROM clients"))
    steps.timed("homes, schedules, windows, plans", lambda: _at_home(factory, ids, products, clients, today, seed))
    steps.timed("analyse", lambda: _analyse(engine))
    steps.figures["clients"] = count
    return steps.figures


def _at_home(factory: Any, ids: Ids, products: list[stock.Product], clients: Sequence[RegionClient], today: date,
             seed: int) -> None:
    """Appliances, delivery schedules from the nearest depot, delivery windows and approved
    plans for each client at home still in care (the nightly reorder's input)."""
    home = [c for c in clients if c.setting == "home" and c.status != "ended"]
    rng = random.Random(f"{seed}/region/plans")
    week = today - timedelta(days=today.weekday())
    with click.progressbar(length=len(home), label=f"{'homes and plans':<22}", show_pos=True,
                           file=click.get_text_stream("stderr")) as bar:
        for start in range(0, len(home), EQUIP_CHUNK):
            chunk = home[start:start + EQUIP_CHUNK]
            with UnitOfWork(factory) as uow:
                for depot, warehouse in enumerate(ids.warehouses):
                    at_depot = [c.id for c in chunk if c.depot == depot]
                    if at_depot:
                        stock.equip(uow.session, ids.provider, at_depot, warehouse)
                uow.session.execute(insert(ClientWindow), [window_for(c.id) for c in chunk])
                active = [c.id for c in chunk if c.status == "active"]
                stock.approved_plans(uow.session, active, products, week, rng, weeks=PLANNED_WEEKS)
                uow.commit()
            bar.update(len(chunk))


def _analyse(engine: Any) -> None:
    if engine.dialect.name == "postgresql":  # fresh statistics, or the first queries plan for empty tables
        with engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE"))
