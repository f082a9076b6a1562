"""Replay the trajectories day by day on a fresh database through the service's own
nightly ``early-warning`` job (rules, alerts, cases, clearing — exactly as configured), and
note what the dietitian's list holds each day."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from nutriplat import migrate
from nutriplat.auth.models import Organisation
from nutriplat.clients.models import CareSettingTransfer, Client, IntakeRecord, Measurement, StatusChange
from nutriplat.clock import BRUSSELS
from nutriplat.db import UnitOfWork, make_engine, make_session_factory
from nutriplat.monitoring.models import Alert, Case
from nutriplat.monitoring.sweep import early_warning
from nutriplat.screening.models import Screening
from tools.demo import population as pop
from tools.early_warning import records
from tools.early_warning import trajectories as tr


@dataclass(frozen=True)
class CaseSpan:
    client_id: int
    opened_on: date
    closed_on: date | None  # resolved or cleared; None while still open
    outcome: str | None


@dataclass(frozen=True)
class Replay:
    first_day: date
    days: int
    in_care: list[int]  # per simulated day: clients active and not in hospital
    open_cases: list[int]  # per simulated day, after the night's job
    open_signals: list[dict[str, int]]  # per simulated day: open alerts by rule
    cases: list[CaseSpan]
    events: dict[int, list[tuple[str, date]]]  # client id → events that matter


def replay(workdir: Path, seed: int, first_day: date, days: int) -> Replay:
    """``workdir`` holds the replay's own SQLite file (best in memory-backed storage)."""
    url = f"sqlite:///{workdir / 'early_warning.sqlite3'}"
    migrate.upgrade(url)
    factory = make_session_factory(make_engine(url))
    people = [c for c in pop.build_population(seed, first_day).clients if c.status == "active"]
    ids = _clients(factory, people)
    history_from = first_day - timedelta(days=tr.HISTORY_DAYS)  # loaded weighings before it carry on
    paths = {c: records.for_person(seed, p, first_day, days, history_from) for c, p in zip(ids, people, strict=True)}
    settings = {c: p.care_setting if p.care_setting != "hospital" else "home" for c, p in zip(ids, people, strict=True)}
    _write(factory, paths, ids, range(-tr.HISTORY_DAYS, 0), settings)
    in_care: list[int] = []
    open_cases: list[int] = []
    open_signals: list[dict[str, int]] = []
    for index in range(days):
        day = first_day + timedelta(days=index)
        _write(factory, paths, ids, [index], settings)
        early_warning(lambda: UnitOfWork(factory), day)
        with UnitOfWork(factory) as uow:
            open_cases.append(uow.session.scalar(select(func.count(Case.id)).where(Case.status == "open")) or 0)
            open_signals.append(dict(uow.session.execute(select(Alert.rule, func.count(Alert.id)).where(
                Alert.status == "open").group_by(Alert.rule)).all()))
            in_care.append(uow.session.scalar(select(func.count(Client.id)).where(
                Client.status == "active", Client.care_setting != "hospital")) or 0)
    with UnitOfWork(factory) as uow:
        cases = [CaseSpan(c.client_id, c.opened_on, c.resolved_on, c.outcome)
                 for c in uow.session.scalars(select(Case).order_by(Case.id))]
    return Replay(first_day, days, in_care, open_cases, open_signals, cases, {c: paths[c].events() for c in ids})


def _clients(factory: sessionmaker[Session], people: Sequence[pop.Client]) -> list[int]:
    with UnitOfWork(factory) as uow:
        organisation = Organisation(name="NutriPlat (early-warning evaluation)", type="provider")
        uow.session.add(organisation)
        uow.session.flush()
        rows = [Client(organisation_id=organisation.id, external_ref=p.key, given_name=p.given_name,
                       family_name=p.family_name, birth_date=p.birth_date, sex=p.sex,
                       care_setting=p.care_setting if p.care_setting != "hospital" else "home", status="active",
                       conditions=list(p.conditions))
                for p in people]
        uow.session.add_all(rows)
        uow.commit()
        return [c.id for c in rows]


def _write(factory: sessionmaker[Session], paths: dict[int, tr.Trajectory], ids: Sequence[int],
           indexes: Sequence[int] | range, settings: dict[int, str]) -> None:
    """The days' records as the care team enters them, and the admissions and discharges."""
    offset = tr.HISTORY_DAYS
    intake, weights, screenings = [], [], []
    with UnitOfWork(factory) as uow:
        for client_id in ids:
            path = paths[client_id]
            for index in indexes:
                day = path.days[index + offset]
                intake += records.intake_rows(client_id, day)
                at = datetime.combine(day.on, time(8), BRUSSELS)
                if day.weight_kg is not None:
                    weights.append({"client_id": client_id, "type": "weight_kg", "value": day.weight_kg,
                                    "measured_at": at})
                if day.must_risk is not None:
                    screenings.append({"client_id": client_id, "instrument": "must", "instrument_version": "replay",
                                       "answers": {}, "derived": {}, "components": {}, "risk": day.must_risk,
                                       "performed_at": at + timedelta(hours=2), "performed_on": day.on,
                                       "next_due": day.on + timedelta(days=tr.SCREENING_EVERY_DAYS)})
                _stays(uow.session, client_id, path, index, day.on, settings[client_id])
        for model, rows in ((IntakeRecord, intake), (Measurement, weights), (Screening, screenings)):
            if rows:
                uow.session.execute(insert(model), rows)
        uow.commit()


def _stays(session: Session, client_id: int, path: tr.Trajectory, index: int, on: date, setting: str) -> None:
    for stay in path.stays:
        if index not in (stay.admitted, stay.discharged):
            continue
        client = session.get(Client, client_id)
        assert client is not None
        admitted = index == stay.admitted
        to_setting, to_status = ("hospital", "paused") if admitted else (setting, "active")
        why = "unplanned hospital admission" if admitted else "hospital discharge"
        session.add(CareSettingTransfer(client_id=client_id, transferred_on=on, from_setting=client.care_setting,
                                        to_setting=to_setting, reason=why))
        session.add(StatusChange(client_id=client_id, changed_on=on, from_status=client.status,
                                 to_status=to_status, reason=why))
        client.care_setting, client.status = to_setting, to_status
