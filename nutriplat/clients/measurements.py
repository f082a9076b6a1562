"""Measurements (weight, height, MUAC, calf) and meal intake, as time series."""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.clients.models import IntakeRecord, Measurement
from nutriplat.clients.policy import POLICY
from nutriplat.clock import business_date
from nutriplat.db import UnitOfWork
from nutriplat.events import IntakeRecorded, WeightRecorded


def record_measurement(uow: UnitOfWork, actor: Actor, client_id: int, data: dict[str, Any]) -> Measurement:
    POLICY.check(actor, "record_measurement")
    return _record(uow, actor, client_id, Measurement(measured_by=actor.user_id, **data), "measurement")


def record_intake(uow: UnitOfWork, actor: Actor, client_id: int, data: dict[str, Any]) -> IntakeRecord:
    POLICY.check(actor, "record_intake")
    return _record(uow, actor, client_id, IntakeRecord(recorded_by=actor.user_id, **data), "intake")


def list_measurements(
    uow: UnitOfWork, actor: Actor, client_id: int, type_: str | None = None
) -> list[Measurement]:
    POLICY.check(actor, "list_measurements")
    stmt = select(Measurement).where(Measurement.client_id == client_id)
    if type_:
        stmt = stmt.where(Measurement.type == type_)
    return _list(uow, actor, client_id, stmt.order_by(Measurement.measured_at, Measurement.id),
                 "measurement")


def list_intake(
    uow: UnitOfWork, actor: Actor, client_id: int, since: date | None = None, until: date | None = None
) -> list[IntakeRecord]:
    POLICY.check(actor, "list_intake")
    stmt = select(IntakeRecord).where(IntakeRecord.client_id == client_id)
    if since:
        stmt = stmt.where(IntakeRecord.date >= since)
    if until:
        stmt = stmt.where(IntakeRecord.date <= until)
    return _list(uow, actor, client_id, stmt.order_by(IntakeRecord.date, IntakeRecord.id), "intake")


def _record(uow: UnitOfWork, actor: Actor, client_id: int, record: Any, resource: str) -> Any:
    with uow:
        client = load_client(uow.session, actor, client_id, scope="record")
        record.client_id = client.id
        uow.session.add(record)
        uow.session.flush()
        if event := _event_of(record):
            uow.record(event)  # early warning, in this transaction
        audit.record(uow.session, actor, "create", resource, record.id, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return record


def _event_of(record: Any) -> WeightRecorded | IntakeRecorded | None:
    """Only weights matter downstream of the measurements."""
    if isinstance(record, Measurement) and record.type == "weight_kg":
        return WeightRecorded(record.client_id, record.id, business_date(record.measured_at))
    if isinstance(record, IntakeRecord):
        return IntakeRecorded(record.client_id, record.id, record.date)
    return None


def _list(uow: UnitOfWork, actor: Actor, client_id: int, stmt: Any, resource: str) -> list[Any]:
    with uow:
        client = load_client(uow.session, actor, client_id)
        records = list(uow.session.scalars(stmt))
        audit.record(uow.session, actor, "list", resource, None, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return records
