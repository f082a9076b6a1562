"""Benchmark: the nightly ward ordering for 100 facilities × 10 wards.

    python -m tools.bench.wards [--facilities 100] [--wards 10] [--residents 10] [--database-url URL]

Builds, in a fresh database (a temporary SQLite file unless a URL is given; an existing
PostgreSQL database is emptied first), a catalogue, the provider's central kitchen, the
facilities with their wards and service agreements (deliveries Monday and Thursday), the
residents on the wards with a week of approved plans; then times the ``ward-orders`` job
for one date, and once more to show the rerun is a no-op; the figures last, as JSON.
Goal (issue 16): at most 30 s for 100 facilities × 10 wards."""
from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import time
from datetime import date, timedelta
from datetime import time as clock_time
from decimal import Decimal
from pathlib import Path

from sqlalchemy import update

from nutriplat.auth.models import Organisation
from nutriplat.clients.models import Client
from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import Depot
from nutriplat.delivery.ward_ordering import run_ward_orders
from nutriplat.facilities.models import ServiceAgreement, Site, Ward
from tools.builders import stock as scenario
from tools.builders.database import fresh

MONDAY = date(2026, 11, 30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facilities", type=int, default=100)
    parser.add_argument("--wards", type=int, default=10)
    parser.add_argument("--residents", type=int, default=10, help="per ward")
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        factory = fresh(url)
        started = time.perf_counter()
        _build(factory, args.facilities, args.wards, args.residents)
        print(f"built {args.facilities} facilities × {args.wards} wards × {args.residents} residents with plans "
              f"in {time.perf_counter() - started:.1f} s ({url.split(':')[0]})")
        started, cpu = time.perf_counter(), time.process_time()
        counts = run_ward_orders(lambda: UnitOfWork(factory), MONDAY)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu  # cpu: this process only
        print(f"ward ordering for {MONDAY}: {seconds:.1f} s — {_said(counts)}")
        started = time.perf_counter()
        again = run_ward_orders(lambda: UnitOfWork(factory), MONDAY)
        rerun = time.perf_counter() - started
        print(f"second run for the same date: {rerun:.1f} s — {_said(again)}")
        print(f"goal ≤ 30 s: {'met' if seconds <= 30 else 'NOT met'}")
        print(json.dumps({"benchmark": "wards", "database": url.split(":")[0], "facilities": args.facilities,
                          "wards": args.wards, "residents_per_ward": args.residents, "seconds": round(seconds, 1),
                          "cpu_s": round(cpu, 1),
                          "rerun_seconds": round(rerun, 1), "counts": {k: n for k, n in counts.items() if n},
                          "goal_s": 30, "met": seconds <= 30, "load_average": [round(x, 2) for x in os.getloadavg()]}))


def _said(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {what}" for what, n in counts.items() if n) or "nothing"


def _build(factory, facilities: int, wards: int, residents: int) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(16)
    with UnitOfWork(factory) as uow:
        s = uow.session
        provider = Organisation(name="Bench provider", type="provider")
        s.add(provider)
        s.flush()
        products = scenario.catalogue(s, "Bench")
        kitchen, _van = scenario.depot(s, provider.id, "Bench central kitchen")
        s.add(Depot(warehouse_id=kitchen, organisation_id=provider.id, lat=50.95, lon=3.12, opens_at=clock_time(6),
                    closes_at=clock_time(20)))  # the route depot the crates leave from
        for f in range(facilities):
            facility = Organisation(name=f"Bench facility {f}", type="care_facility")
            s.add(facility)
            s.flush()
            site = Site(organisation_id=provider.id, facility_id=facility.id, name=f"Site {f}", lat=50.9, lon=3.1)
            s.add(site)
            s.flush()
            made = [Ward(organisation_id=provider.id, facility_id=facility.id, site_id=site.id, name=f"Ward {w}",
                         setting="nursing_home") for w in range(wards)]
            s.add_all(made)
            s.flush()
            s.add(ServiceAgreement(organisation_id=provider.id, facility_id=facility.id, ward_ids=[w.id for w in made],
                                   meal_moments=["breakfast", "lunch", "dinner", "snack"], delivery_days=[1, 4],
                                   cutoff_days_before=1, cutoff_time=clock_time(14), pricing="per_resident_day",
                                   price_eur=Decimal("18.50"), invoice_to="facility", valid_from=MONDAY))
            for ward in made:
                ids = scenario.clients_at_home(s, provider.id, residents, kitchen, MONDAY - timedelta(days=60), rng)
                s.execute(update(Client).where(Client.id.in_(ids)).values(care_setting="nursing_home", ward_id=ward.id))
                scenario.approved_plans(s, ids, products, MONDAY, rng)
        uow.commit()


if __name__ == "__main__":
    main()
