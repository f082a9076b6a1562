"""Concurrent events for one client on PostgreSQL open one alert, never two, and never
fail the event that raised them (SQLite serialises writers, so the race is PostgreSQL's)."""
from __future__ import annotations

import threading
from datetime import datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from nutriplat.clients.models import Client, Measurement
from nutriplat.clock import BRUSSELS
from nutriplat.db import UnitOfWork
from nutriplat.monitoring.evaluation import evaluate_clients
from nutriplat.monitoring.models import Alert

pytestmark = pytest.mark.postgres_only



def test_concurrent_evaluations_open_one_alert(world, app, today):
    dora = world.person("dora", "dietitian")
    factory = app.extensions["nutriplat"].session_factory
    with UnitOfWork(factory) as uow:
        client = Client(organisation_id=dora.organisation_id, given_name="Jan", family_name="Peeters",
                        birth_date=datetime(1941, 5, 2).date(), sex="male", care_setting="home", status="active",
                        conditions=[], allergies=[], dislikes=[])
        uow.session.add(client)
        uow.session.flush()
        for days_ago, kg in ((20, 80.0), (0, 74.0)):
            uow.session.add(Measurement(client_id=client.id, type="weight_kg", value=kg, measured_by=dora.id,
                                        measured_at=datetime.combine(today - timedelta(days_ago), time(8),
                                                                     tzinfo=BRUSSELS)))
        uow.commit()
    barrier, failures = threading.Barrier(6), []

    def evaluate() -> None:
        try:
            with UnitOfWork(factory) as uow:
                mine = uow.session.get(Client, client.id)
                barrier.wait()
                evaluate_clients(uow.session, [mine], today, ("weight",))
                uow.commit()
        except Exception as error:  # noqa: BLE001 (the test reports any failure)
            failures.append(error)

    threads = [threading.Thread(target=evaluate) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    with UnitOfWork(factory) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Alert)) == 1
