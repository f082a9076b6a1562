"""Benchmark: the central kitchen's production plan for 5,000 clients, homes and wards.

    python -m tools.bench.production_plan [--home-clients 4000] [--facilities 10] [--database-url URL]

Builds, in a fresh database (a temporary SQLite file unless a URL is given; an existing
PostgreSQL database is emptied first), the ward bench's facilities (10 × 10 wards × 10
residents with approved plans, their ward orders made by the nightly ward ordering) and
home clients with a week's delivery order each on one of the seven days, plus stock in the
kitchen's warehouse; then times the production plan (with its pick lists) for each of seven
production days. Prints the figures as JSON. Goal (issue 16): at most 5 s per plan."""
from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

from sqlalchemy import insert, select

from nutriplat.auth.actor import Actor
from nutriplat.auth.models import Organisation
from nutriplat.catalogue.models import DishVariant
from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine
from nutriplat.delivery.production_plan import production_plan
from nutriplat.delivery.ward_ordering import run_ward_orders
from nutriplat.inventory.ledger import Ledger, Move
from nutriplat.inventory.models import Location, Lot
from tools.bench import wards
from tools.builders import stock as scenario
from tools.builders.database import fresh

FIRST = wards.MONDAY  # production days FIRST … FIRST + 6 (delivered a day later; the wards' Thursday among them)
GOAL_S = 5.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home-clients", type=int, default=4000)
    parser.add_argument("--facilities", type=int, default=10, help="each with 10 wards of 10 residents")
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        factory = fresh(url)
        started = time.perf_counter()
        wards._build(factory, args.facilities, 10, 10)
        run_ward_orders(lambda: UnitOfWork(factory), FIRST)  # the agreements start that day
        organisation_id = _homes(factory, args.home_clients)
        built = time.perf_counter() - started
        print(f"built {args.home_clients} home clients and {args.facilities * 100} residents in {built:.1f} s",
              flush=True)
        kitchen = Actor(None, "bench", "logistics", organisation_id)
        seconds, units = [], Counter[str]()
        for n in range(7):
            day = FIRST + timedelta(days=n)
            started = time.perf_counter()
            plan = production_plan(UnitOfWork(factory), kitchen, day, 24)
            seconds.append(round(time.perf_counter() - started, 3))
            units.update(home=plan["home_units"], ward=plan["ward_units"], rows=len(plan["rows"]))
            print(f"production plan of {day}: {seconds[-1]:.2f} s — {plan['home_units']} home and "
                  f"{plan['ward_units']} ward units, {len(plan['rows'])} products", flush=True)
    print(json.dumps({"benchmark": "production_plan", "database": url.split(":")[0],
                      "clients": args.home_clients + args.facilities * 100, "build_s": round(built, 1),
                      "seconds_per_day": seconds, "max_s": max(seconds), "units": dict(units), "goal_s": GOAL_S,
                      "met": max(seconds) <= GOAL_S, "load_average": [round(x, 2) for x in os.getloadavg()]}))


def _homes(factory, clients: int) -> int:  # type: ignore[no-untyped-def]
    """Home clients of the ward bench's provider, each with one order of a week's meals on
    one of the seven delivery days, and stock of every product in the kitchen; the provider."""
    rng = random.Random(6)
    with UnitOfWork(factory) as uow:
        s = uow.session
        provider = s.scalar(select(Organisation.id).where(Organisation.type == "provider"))
        kitchen = s.scalar(select(Location.id).where(Location.organisation_id == provider,
                                                     Location.kind == "warehouse").order_by(Location.id))
        variants = list(s.execute(select(DishVariant.id, DishVariant.dish_id, DishVariant.texture)))
        ids = scenario.clients_at_home(s, provider, clients, kitchen, wards.MONDAY - timedelta(days=60), rng)
        order_ids = list(s.scalars(insert(DeliveryOrder).returning(DeliveryOrder.id, sort_by_parameter_order=True), [
            {"organisation_id": provider, "client_id": c, "warehouse_id": kitchen, "origin": "reorder",
             "delivery_date": FIRST + timedelta(days=1 + rng.randrange(7))} for c in ids]))
        s.execute(insert(DeliveryOrderLine), [
            {"order_id": o, "variant_id": v.id, "dish_id": v.dish_id, "texture": v.texture,
             "quantity": rng.randint(1, 4)} for o in order_ids for v in rng.sample(variants, 12)])
        lots = list(s.scalars(insert(Lot).returning(Lot.id, sort_by_parameter_order=True), [
            {"organisation_id": provider, "variant_id": v.id, "dish_id": v.dish_id, "texture": v.texture,
             "supplier_lot_code": f"B{v.id}", "production_date": FIRST - timedelta(days=2),
             "expiry_date": FIRST + timedelta(days=30)} for v in variants]))
        Ledger(s, None).post([Move("receipt", lot, rng.randint(0, 200) + 1, None, kitchen, FIRST - timedelta(days=2))
                              for lot in lots], provider, returning=False)
        uow.commit()
    return int(provider or 0)


if __name__ == "__main__":
    main()
