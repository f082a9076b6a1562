"""Invoice numbers under the invoicing run's slices: one continuous series per provider (no
number twice, none skipped) while the provider's slices run side by side; a slice that fails
gives its numbers back; a rerun makes no second invoice. Parallel slices need two
connections, so those tests are PostgreSQL's; SQLite runs the slices one after the other."""
from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from decimal import Decimal as D
from typing import Any

import pytest
from sqlalchemy import select

from nutriplat import parts
from nutriplat.auth import services as auth_services
from nutriplat.auth.actor import SYSTEM, Actor
from nutriplat.billing import invoicing_run, invoicing_slice, plans, subscriptions
from nutriplat.billing.models import Invoice
from nutriplat.clients import services as client_services
from nutriplat.db import UnitOfWork, make_engine, make_session_factory
from nutriplat.periods import Month

MONTH, TODAY = Month(2026, 10), date(2026, 11, 15)
CLIENTS = 6


@pytest.fixture
def provider(uow: UnitOfWork, monkeypatch: pytest.MonkeyPatch) -> int:
    """A provider with six subscribed clients, in slices of two client ids (three or four slices)."""
    monkeypatch.setattr(parts, "CLIENTS_PER_PART", 2)
    org = auth_services.create_organisation(uow, "Provider N", "provider", SYSTEM).id
    staff = Actor(None, "t", "admin", org)
    plan = plans.create_plan(uow, staff, {"code": "std", "name": "Standard", "version": {
        "effective_from": date(2026, 1, 1), "meals_per_week": 14, "package_price": D("300.00"),
        "information_platform_price": D("5.00"), "coaching_tool_price": D("10.00")}})
    for n in range(CLIENTS):
        client = client_services.create_client(uow, staff, {
            "given_name": f"Client{n}", "family_name": "Numbered", "birth_date": date(1940, 1, 1), "sex": "female",
            "care_setting": "home"})
        subscriptions.create_subscription(uow, staff, client.id, {"plan_id": plan.id, "start_date": date(2026, 9, 1)})
    return org


@pytest.fixture
def new_uow(app: Any) -> Callable[[], UnitOfWork]:
    factory = app.extensions["nutriplat"].session_factory
    return lambda: UnitOfWork(factory)


def numbers(uow: UnitOfWork, org: int) -> list[str]:
    with uow:
        return list(uow.session.scalars(select(Invoice.number).where(
            Invoice.organisation_id == org, Invoice.document_type == "invoice").order_by(Invoice.number)))


def series(count: int) -> list[str]:
    return [f"F2026-{n:06d}" for n in range(1, count + 1)]


def slices(factory: Callable[[], UnitOfWork], org: int) -> list[str]:
    return [key for key in invoicing_run.parts(factory, MONTH, TODAY) if key.startswith(f"p{org}:")]


def test_slices_one_after_the_other_number_one_continuous_series_and_a_rerun_adds_nothing(uow, new_uow, provider):
    keys = slices(new_uow, provider)
    assert len(keys) >= 3
    made = sum(invoicing_run.invoice_part(new_uow, MONTH, key, TODAY).get("client invoices", 0) for key in keys)
    assert made == CLIENTS and numbers(uow, provider) == series(CLIENTS)
    assert all(not invoicing_run.invoice_part(new_uow, MONTH, key, TODAY) for key in keys)
    assert invoicing_run.run(new_uow, MONTH, TODAY).counts.get("client invoices", 0) == 0
    assert numbers(uow, provider) == series(CLIENTS)


def test_a_slice_that_fails_after_taking_its_numbers_gives_them_back(uow, new_uow, provider, monkeypatch):
    first, *others = slices(new_uow, provider)
    settle = invoicing_slice._settle

    def failing(session: Any, invoice: Invoice, draft: Any) -> None:
        raise RuntimeError(f"the disk filled up at {invoice.number}")

    monkeypatch.setattr(invoicing_slice, "_settle", failing)
    with pytest.raises(RuntimeError, match="F2026-000001"):  # it had taken its numbers
        invoicing_run.invoice_part(new_uow, MONTH, first, TODAY)
    assert numbers(uow, provider) == []
    monkeypatch.setattr(invoicing_slice, "_settle", settle)
    for key in [*others, first]:  # the failed slice again, last
        invoicing_run.invoice_part(new_uow, MONTH, key, TODAY)
    assert numbers(uow, provider) == series(CLIENTS)


def test_a_providers_slices_compose_side_by_side_and_share_one_gap_free_series(
        uow, new_uow, provider, database_url, is_postgres, monkeypatch):
    if not is_postgres:
        pytest.skip("side by side needs two connections: PostgreSQL's (SQLite serves one writer)")
    keys = slices(new_uow, provider)
    # Each slice waits in its composing for every other to be composing too: a slice that
    # held the provider's lock from its start (as the run once did) would never let them meet.
    meet = threading.Barrier(len(keys), timeout=30)
    gather = invoicing_slice.gather

    def gather_together(*args: Any) -> Any:
        meet.wait()
        return gather(*args)

    monkeypatch.setattr(invoicing_slice, "gather", gather_together)
    engines = [make_engine(database_url) for _ in keys]
    results: list[Any] = [None] * len(keys)

    def slice_(i: int) -> None:
        factory = make_session_factory(engines[i])
        try:
            results[i] = invoicing_run.invoice_part(lambda: UnitOfWork(factory), MONTH, keys[i], TODAY)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            results[i] = error

    threads = [threading.Thread(target=slice_, args=(i,)) for i in range(len(keys))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    for engine in engines:
        engine.dispose()
    assert sum(r["client invoices"] for r in results) == CLIENTS, results
    assert numbers(uow, provider) == series(CLIENTS)
