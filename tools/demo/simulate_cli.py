"""The simulation's console side: a progress bar over the days and the closing table."""
from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import Any

import click
from sqlalchemy.orm import Session, sessionmaker

from nutriplat.db import UnitOfWork
from nutriplat.inventory.home_figures import HomeFigures, appliances_over_capacity, home_figures, total
from tools.demo import population as pop
from tools.demo.simulate import Simulation, summary_rows

# The simulation does not need the best routes: a short solve per depot and day, unless
# the environment sets the route-plans job's limit (the scheduler's default is 30 s).
ROUTE_PLAN_TIME_LIMIT_S = "2"


def simulate(factory: sessionmaker[Session], population: pop.Population, days: int) -> None:
    started = time.monotonic()
    os.environ.setdefault("NUTRIPLAT_ROUTE_PLAN_TIME_LIMIT_S", ROUTE_PLAN_TIME_LIMIT_S)
    first = population.reference_date

    def progress(items: Iterable[date]) -> Iterator[date]:
        with click.progressbar(list(items), label=f"{'Simulated days':<22}", show_pos=True,
                               item_show_func=lambda d: d.isoformat() if d else "") as bar:
            yield from bar

    counts = Simulation(factory, population).run(days, progress)
    click.echo(f"\nSimulated {days} days from {first:%a %d %b %Y} in {time.monotonic() - started:.1f} s:")
    rows = summary_rows(counts)
    width = max((len(what) for _, what, _ in rows), default=10)
    click.echo(f"  {'step':<9}{'what':<{width + 2}}{'count':>7}")
    previous = None
    for step, what, n in rows:
        click.echo(f"  {step if step != previous else '':<9}{what:<{width + 2}}{n:>7}")
        previous = step


def figures(factory: sessionmaker[Session], first: date, days: int) -> dict[str, Any]:
    """The home stock over the simulated days ``first`` … ``first + days - 1`` (the last
    day's meals are posted by the next night's run, after the simulation)."""
    last = first + timedelta(days=days - 1)
    homes, over = HomeFigures(), []
    if days:
        with UnitOfWork(factory) as uow:
            homes = total(home_figures(uow.session, first, last))
            over = appliances_over_capacity(uow.session, first, last)
    return {"first_day": first.isoformat(), "last_day": last.isoformat() if days else None, "days": days,
            "home_units_delivered": homes.delivered, "home_units_eaten": homes.eaten,
            "home_units_expired": homes.expired, "home_units_wasted": homes.wasted,
            "home_expired_percent": round(100 * homes.expired_share, 2),
            "stock_out_days": homes.stock_out_days, "appliances_over_capacity": len(over)}
