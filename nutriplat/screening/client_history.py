"""What the screening domain needs to know about a client, read from the database as
plain values (the domain never sees an ORM object)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.clients.models import CareSettingTransfer, Client, Measurement
from nutriplat.screening import domain
from nutriplat.screening.targets_in_force import end_of_day

_FACT_FIELDS = {"weight_kg": "weights", "height_cm": "heights", "muac_cm": "muac",
                "calf_circumference_cm": "calf"}


def care_setting_on(session: Session, client: Client, on: date) -> str:
    """The setting in force on a date, from the transfer history."""
    transfer = session.scalar(
        select(CareSettingTransfer).where(CareSettingTransfer.client_id == client.id,
                                          CareSettingTransfer.transferred_on <= on)
        .order_by(CareSettingTransfer.transferred_on.desc(), CareSettingTransfer.id.desc()).limit(1))
    return transfer.to_setting if transfer else client.care_setting


def client_facts(session: Session, client: Client, on: date) -> domain.ClientFacts:
    """Measurements up to the end of ``on`` (Brussels), oldest first, with their ids so
    derived inputs can say which measurement they came from."""
    series: dict[str, list[tuple]] = {name: [] for name in _FACT_FIELDS.values()}
    rows = session.scalars(
        select(Measurement).where(Measurement.client_id == client.id,
                                  Measurement.measured_at < end_of_day(on))
        .order_by(Measurement.measured_at, Measurement.id))
    for m in rows:
        series[_FACT_FIELDS[m.type]].append((m.measured_at, m.value, m.id))
    return domain.ClientFacts(birth_date=client.birth_date, sex=client.sex,
                              care_setting=care_setting_on(session, client, on), **series)
