"""Benchmark: the nightly reorder run for 10,000 clients with approved plans.

    python -m tools.bench.inventory [--clients 10000] [--database-url URL]

Builds, in a fresh database (a temporary SQLite file unless a URL is given; an existing
PostgreSQL database is emptied first), a catalogue, a warehouse with lots, the clients at
home with appliances, schedules and three weeks of approved plans, and five days of
deliveries; then times ``nutriplat jobs run reorder`` for one date (consumption posting,
home reordering, central replenishment), and once more to show the rerun is a no-op.
Goal (issue 5): at most 60 s for 10,000 clients."""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from nutriplat.auth.actor import SYSTEM
from nutriplat.auth.models import Organisation
from nutriplat.catalogue.models import DishVariant
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.delivery.models import DeliveryOrder
from nutriplat.delivery.nightly_reorder import run_reorder
from nutriplat.inventory.ledger import Ledger, Move
from nutriplat.inventory.models import Location, Lot, ReorderRule
from tools.builders import database
from tools.builders import stock as scenario

MONDAY = date(2026, 11, 30)
RUN_DATE = MONDAY + timedelta(days=3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        factory = database.fresh(url)
        started = time.perf_counter()
        _build(factory, args.clients)
        print(f"built {args.clients} clients with plans, stock and five days of deliveries "
              f"in {time.perf_counter() - started:.1f} s ({url.split(':')[0]})")
        started = time.perf_counter()
        report = run_reorder(lambda: UnitOfWork(factory), RUN_DATE, SYSTEM)
        seconds = time.perf_counter() - started
        print(f"nightly reorder for {RUN_DATE}: {seconds:.1f} s — {report.summary()}")
        started = time.perf_counter()
        again = run_reorder(lambda: UnitOfWork(factory), RUN_DATE, SYSTEM)
        print(f"second run for the same date: {time.perf_counter() - started:.1f} s — {again.summary()}")
        print(f"goal ≤ 60 s: {'met' if seconds <= 60 else 'NOT met'}")


def _build(factory, clients: int) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(5)
    with UnitOfWork(factory) as uow:
        s = uow.session
        provider, supplier = Organisation(name="Bench provider", type="provider"), Organisation(
            name="Bench supplier", type="supplier")
        s.add_all([provider, supplier])
        s.flush()
        products = scenario.catalogue(s, "Bench", scale=2)
        warehouse, van = scenario.depot(s, provider.id)
        ids = scenario.clients_at_home(s, provider.id, clients, warehouse, MONDAY - timedelta(days=60), rng)
        scenario.approved_plans(s, ids, products, MONDAY, rng, weeks=3)
        lots = list(s.scalars(insert(Lot).returning(Lot.id, sort_by_parameter_order=True), [
            {"organisation_id": provider.id, "variant_id": p.variant_id, "dish_id": p.dish_id, "texture": p.texture,
             "supplier_id": supplier.id, "supplier_lot_code": f"B{p.variant_id}",
             "production_date": MONDAY - timedelta(days=2),
             "expiry_date": MONDAY + timedelta(days=12 if p.course != "main" else 180)} for p in products]))
        Ledger(s, None).post([Move("receipt", lot, 100_000, None, warehouse, MONDAY - timedelta(days=2))
                              for lot in lots], provider.id, returning=False)
        s.execute(insert(ReorderRule), [{"organisation_id": provider.id, "warehouse_id": warehouse, "dish_id": d,
                                         "texture": t, "minimum": 60_000, "maximum": 120_000, "pack_multiple": 24,
                                         "supplier_id": supplier.id, "lead_time_days": 2}
                                        for d, t in {(p.dish_id, p.texture) for p in products}])
        uow.commit()
    new = lambda: UnitOfWork(factory)  # noqa: E731
    for day in (MONDAY - timedelta(days=2), MONDAY - timedelta(days=1), MONDAY, MONDAY + timedelta(days=1),
                MONDAY + timedelta(days=2)):
        run_reorder(new, day, SYSTEM)
        _deliver_all(factory, day, van)


def _deliver_all(factory, day: date, van: int) -> None:  # type: ignore[no-untyped-def]
    """The day's orders delivered in bulk (one lot per product here: no picking to do)."""
    with UnitOfWork(factory) as uow:
        s = uow.session
        orders = list(s.scalars(select(DeliveryOrder).where(DeliveryOrder.delivery_date == day,
                                                            DeliveryOrder.status == "planned")))
        if not orders:
            return
        lot_of = dict(s.execute(select(Lot.variant_id, Lot.id)).all())
        homes = {(c, storage): loc for loc, c, storage in s.execute(
            select(Location.id, Location.client_id, Location.storage_class).where(Location.client_id.is_not(None)))}
        storage = dict(s.execute(select(DishVariant.id, DishVariant.storage_class)).all())
        moves, organisation_id = [], orders[0].organisation_id
        for order in orders:
            for line in order.lines:
                line.lot_id = lot_of[line.variant_id]
                moves.append(Move("delivery", line.lot_id, line.quantity, order.warehouse_id,
                                  homes[(order.client_id, storage[line.variant_id])], day,
                                  client_id=order.client_id, delivery_order_id=order.id))
            order.status, order.billed_at = "delivered", utcnow()
        Ledger(s, None).post(moves, organisation_id, returning=False)
        uow.commit()


if __name__ == "__main__":
    main()
