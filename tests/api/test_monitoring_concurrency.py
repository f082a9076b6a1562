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
from nutriplat.monitoring.unique_rows import insert_all_once

pytestmark = pytest.mark.postgres_only



def _client(uow: UnitOfWork, organisation_id: int) -> Client:
    client = Client(organisation_id=organisation_id, given_name="Jan", family_name="Peeters",
                    birth_date=datetime(1941, 5, 2).date(), sex="male", care_setting="home", status="active",
                    conditions=[], allergies=[], dislikes=[])
    uow.session.add(client)
    return client


def test_concurrent_evaluations_open_one_alert(world, app, today):
    dora = world.person("dora", "dietitian")
    factory = app.extensions["nutriplat"].session_factory
    with UnitOfWork(factory) as uow:
        client = _client(uow, dora.organisation_id)
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


def _alert(client: Client, rule: str, today) -> Alert:
    return Alert(organisation_id=client.organisation_id, client_id=client.id, rule=rule, severity="medium",
                 cause="test", status="open", open_key=f"{client.id}:{rule}", evidence_from=today,
                 first_detected_on=today, last_detected_on=today, detail={})


def test_a_batch_keeps_its_other_rows_when_one_was_opened_concurrently(world, app, today):
    """The nightly batch inserts its new alerts together; the one another transaction
    opened first is refused alone, the others are kept."""
    dora = world.person("dora", "dietitian")
    factory = app.extensions["nutriplat"].session_factory
    with UnitOfWork(factory) as uow:
        client = _client(uow, dora.organisation_id)
        uow.commit()
    with UnitOfWork(factory) as uow:  # the concurrent transaction, committed first
        uow.session.add(_alert(client, "weight_loss", today))
        uow.commit()
    with UnitOfWork(factory) as uow:
        batch = [_alert(client, rule, today) for rule in ("low_intake", "weight_loss", "missed_deliveries")]
        assert insert_all_once(uow.session, batch) == [True, False, True]
        uow.commit()
    with UnitOfWork(factory) as uow:
        assert sorted(uow.session.scalars(select(Alert.rule))) == ["low_intake", "missed_deliveries", "weight_loss"]

