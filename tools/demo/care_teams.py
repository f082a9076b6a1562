"""The demo's care teams (issue 19), set up by the loader before the delivery history and the
early-warning sweep so that a plain ``make demo`` has care-team alerts told (the GPs of weight-loss alerts, the
caregivers of missed deliveries): the simulation's own set-up of day 0
(``simulate_care_network.set_up_care_teams``), which then finds them in place."""
from __future__ import annotations

from collections import Counter

from sqlalchemy.orm import Session, sessionmaker

from nutriplat.db import UnitOfWork
from tools.demo import simulate_care_network as network
from tools.demo.seed import SeedReport


def seed_care_teams(factory: sessionmaker[Session], report: SeedReport) -> None:
    with UnitOfWork(factory) as uow:
        actors = network.actors_of(uow.session)
    if actors is None:
        return
    counts: Counter[tuple[str, str]] = Counter()
    network.set_up_care_teams(factory, actors, counts)
    for (_, what), n in sorted(counts.items()):
        report.count(what, n)

