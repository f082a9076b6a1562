"""Recalls under concurrency on PostgreSQL (SQLite serialises writers): a lot recalled by
several requests at once is recalled once (the others 409), picks racing a recall never
move the lot once it is recalled, and concurrent accounts of one place never lose a unit."""
from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from sqlalchemy import select

from nutriplat.auth.actor import SYSTEM
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict, DomainError
from nutriplat.inventory.ledger import Ledger, Move
from nutriplat.inventory.models import RecallLocation, RecallStep, StockBalance
from nutriplat.inventory.picking import Want, take
from nutriplat.inventory.recalls import account, recall_lot
from tests.api import test_inventory_recalls as recalls
from tests.api import test_inventory_stock as inventory

pytestmark = pytest.mark.postgres_only
stock = inventory.stock  # the fixture: a warehouse, a van, stocked lots and a client at home
REASON = {"reason": "Listeria", "severity": "high"}



def together(calls: list[Callable[[], object]]) -> tuple[list[object], list[Exception]]:
    barrier, done, failed = threading.Barrier(len(calls)), [], []

    def run(call: Callable[[], object]) -> None:
        barrier.wait()
        try:
            done.append(call())
        except DomainError as error:
            failed.append(error)

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done, failed


def test_a_lot_recalled_at_once_by_four_is_recalled_once(stock, app):
    factory = app.extensions["nutriplat"].session_factory
    lot = stock["lots"][stock["fits"][0].variant_id]
    done, failed = together([lambda: recall_lot(UnitOfWork(factory), SYSTEM, lot, REASON) for _ in range(4)])
    assert len(done) == 1 and len(failed) == 3 and all(isinstance(e, Conflict) for e in failed)


def test_picks_racing_a_recall_never_move_the_lot_after_it(stock, app, http):
    factory = app.extensions["nutriplat"].session_factory
    product = stock["fits"][0]
    lot = stock["lots"][product.variant_id]
    organisation_id = stock["people"]["logistics"].organisation_id

    def pick() -> None:
        with UnitOfWork(factory) as uow:
            ledger = Ledger(uow.session, None)
            picks = take(uow.session, ledger, [stock["warehouse"]], stock["van"],
                         [Want((product.dish_id, product.texture), 5, business_today())])[0]
            ledger.post([Move("pick", lt, units, loc, stock["van"], business_today()) for loc, lt, units in picks],
                        organisation_id, returning=False)
            uow.commit()

    done, _failed = together([pick, pick, lambda: recall_lot(UnitOfWork(factory), SYSTEM, lot, REASON), pick, pick])
    made = next(d for d in done if isinstance(d, dict))
    with UnitOfWork(factory) as uow:
        now = dict(uow.session.execute(select(StockBalance.location_id, StockBalance.quantity)
                                       .where(StockBalance.lot_id == lot, StockBalance.quantity > 0)).all())
    assert now == {p["location_id"]: p["units_held"] for p in made["locations"]}  # frozen as the recall found it


def test_concurrent_accounts_of_one_place_lose_no_unit(stock, app, http):
    factory = app.extensions["nutriplat"].session_factory
    lot, _product, home = recalls.spread(http, stock)
    made = recall_lot(UnitOfWork(factory), SYSTEM, lot, REASON)
    one = {"outcome": "collected", "units": 1}
    done, failed = together([lambda: account(UnitOfWork(factory), SYSTEM, made["id"], home, one) for _ in range(4)])
    assert len(done) == 3 and len(failed) == 1  # three units were at home
    with UnitOfWork(factory) as uow:
        s = uow.session
        assert s.scalar(select(RecallLocation.units_accounted).where(RecallLocation.location_id == home)) == 3
        assert len(s.scalars(select(RecallStep.id).where(RecallStep.location_id == home)).all()) == 3
        assert s.scalar(select(StockBalance.quantity).where(StockBalance.lot_id == lot,
                                                            StockBalance.location_id == home)) == 0
