"""Synthetic data for the indicator benchmark, written with bulk inserts (Core
executemany in chunks): clients with their histories, consents, weights, screenings,
GLIM assessments, intake, surveys, invoices and delivery orders around 2026."""
from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from nutriplat.auth.models import Organisation, User
from nutriplat.billing.models import Invoice
from nutriplat.clients.models import CareSettingTransfer, Client, Consent, IntakeRecord, Measurement, StatusChange
from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import DeliveryOrder
from nutriplat.indicators import definitions
from nutriplat.indicators.catalogue import STARTER_SET
from nutriplat.indicators.models import Agreement, AgreementIndicator
from nutriplat.inventory.models import Location
from nutriplat.monitoring.models import ExperienceSurvey
from nutriplat.screening.models import Assessment, Screening
from tools.builders.bulk import Rows, write_rows

POSTAL_CODES = ("8800", "8800", "8870", "8830", "8840", "8890", "8500", "8700", "8000", "8900")
CONDITIONS = (["parkinson"], ["parkinson", "dysphagia"], ["parkinsonism"], ["dementia"], ["copd"])
MUST = ("low", "medium", "high")
Q2, Q3 = (date(2026, 4, 1), date(2026, 6, 30)), (date(2026, 7, 1), date(2026, 9, 30))


def _at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def _setup(session: Session) -> tuple[int, int, int, int]:
    """Organisations, a cofinancer's user, a warehouse and the agreement; the next client id."""
    provider = Organisation(name="Bench provider", type="provider")
    funder = Organisation(name="Bench cofinancer", type="cofinancer")
    session.add_all([provider, funder])
    session.flush()
    session.add(User(username="bench.cofinancer", password_hash="!", role="cofinancer",
                     organisation_id=funder.id))
    warehouse = Location(organisation_id=provider.id, kind="warehouse", name="Bench warehouse")
    session.add(warehouse)
    agreement = starter_agreement(session, provider.id, funder.id, "Benchmark", date(2026, 4, 1), "2026Q2")
    first = (session.scalar(select(func.max(Client.id))) or 0) + 1
    return provider.id, warehouse.id, agreement.id, first


def starter_agreement(session: Session, provider_id: int, cofinancer_id: int, name: str, starts_on: date,
                      baseline_period: str) -> Agreement:
    """A two-year agreement on the starter set of indicators, quarterly, for the pilot's conditions."""
    definitions.ensure_starter_set(session)
    agreement = Agreement(organisation_id=provider_id, cofinancer_id=cofinancer_id, name=name,
                          cohort={"conditions_any": ["parkinson", "parkinsonism", "dementia"]},
                          starts_on=starts_on, ends_on=starts_on.replace(year=starts_on.year + 2) - timedelta(days=1),
                          baseline_period=baseline_period, settlement_period="quarter")
    agreement.indicators = [AgreementIndicator(definition=definitions.by_code(session, spec["code"]),
                                               position=n) for n, spec in enumerate(STARTER_SET, start=1)]
    session.add(agreement)
    session.flush()
    return agreement


def build(engine: Engine, factory: sessionmaker[Session], clients: int, measurements: int) -> int:
    """The agreement's id."""
    rng = random.Random(8)
    with UnitOfWork(factory) as uow:
        provider, warehouse, agreement_id, first = _setup(uow.session)
        uow.commit()
    ids = range(first, first + clients)
    referred = {i: date(2025, 6, 1) + timedelta(days=rng.randint(0, 365)) for i in ids}
    tables: list[tuple[Any, Callable[[], Rows]]] = [
        (Client, lambda: _clients(rng, ids, referred, provider)),
        (StatusChange, lambda: ({"client_id": i, "changed_on": referred[i] + timedelta(days=7),
                                 "to_status": "active"} for i in ids)),
        (CareSettingTransfer, lambda: _transfers(rng, ids, referred)),
        (Consent, lambda: ({"client_id": i, "purpose": "cofinancer_reporting", "given_at": _at(referred[i])}
                           for i in ids if rng.random() < 0.9)),
        (Measurement, lambda: _weights(rng, ids, referred, measurements // clients)),
        (Screening, lambda: _screenings(rng, ids, referred)),
        (Assessment, lambda: _assessments(rng, ids)),
        (IntakeRecord, lambda: ({"client_id": i, "date": Q3[0] + timedelta(days=rng.randint(0, 91)),
                                 "meal_slot": "lunch", "percent_eaten": rng.randint(0, 20) * 5}
                                for i in ids for _ in range(5))),
        (ExperienceSurvey, lambda: _surveys(rng, provider, ids)),
        (Invoice, lambda: _invoices(provider, ids)),
        (DeliveryOrder, lambda: _deliveries(rng, provider, warehouse, ids)),
    ]
    for model, rows in tables:
        write_rows(engine, model, rows())
    return agreement_id


def _clients(rng: random.Random, ids: range, referred: dict[int, date], provider: int) -> Rows:
    for i in ids:
        yield {"id": i, "organisation_id": provider, "given_name": "Bench", "family_name": f"Client {i}",
               "birth_date": date(rng.randint(1925, 1965), rng.randint(1, 12), rng.randint(1, 28)),
               "sex": rng.choice(("female", "male")), "postal_code": rng.choice(POSTAL_CODES),
               "care_setting": "home", "status": "active", "conditions": rng.choice(CONDITIONS),
               "referral_date": referred[i]}


def _transfers(rng: random.Random, ids: range, referred: dict[int, date]) -> Rows:
    for i in ids:
        yield {"client_id": i, "transferred_on": referred[i], "to_setting": "home"}
        if rng.random() < 0.08:
            admitted = date(2026, 4, 1) + timedelta(days=rng.randint(0, 170))
            yield {"client_id": i, "transferred_on": admitted, "from_setting": "home",
                   "to_setting": "hospital"}
            yield {"client_id": i, "transferred_on": admitted + timedelta(days=10),
                   "from_setting": "hospital", "to_setting": "home"}


def _weights(rng: random.Random, ids: range, referred: dict[int, date], per_client: int) -> Rows:
    """Weighed every few weeks over 500 days from referral."""
    for i in ids:
        for k in range(per_client):
            yield {"client_id": i, "type": "weight_kg", "value": round(rng.uniform(45, 95), 1),
                   "measured_at": _at(referred[i] + timedelta(days=k * 500 // per_client))}


def _screenings(rng: random.Random, ids: range, referred: dict[int, date]) -> Rows:
    for i in ids:
        level = rng.randint(0, 2)
        for months in (0, 3, 6):
            day = referred[i] + timedelta(days=14 + 30 * months)
            level = max(0, min(2, level + rng.choice((-1, 0, 0, 1))))
            yield {"client_id": i, "instrument": "must", "instrument_version": "bench", "answers": {},
                   "derived": {}, "components": {}, "risk": MUST[level], "performed_at": _at(day),
                   "performed_on": day, "next_due": day}


def _assessments(rng: random.Random, ids: range) -> Rows:
    for i in ids:
        if rng.random() < 0.1:
            day = Q3[0] + timedelta(days=rng.randint(0, 90))
            yield {"client_id": i, "method": "glim", "method_version": "bench", "answers": {}, "derived": {},
                   "malnourished": rng.random() < 0.4, "phenotypic": [], "etiologic": [],
                   "assessed_at": _at(day), "assessed_on": day}


def _surveys(rng: random.Random, provider: int, ids: range) -> Rows:
    for i in ids:
        for label, (start, end) in (("2026Q2", Q2), ("2026Q3", Q3)):
            if rng.random() < 0.7:
                answers = {f"item{n}": rng.randint(2, 5) for n in range(5)}
                yield {"organisation_id": provider, "client_id": i, "period": label, "period_start": start,
                       "period_end": end, "answered_on": end, "respondent": "client", "answers": answers,
                       "mean_score": Decimal(sum(answers.values())) / 5}


def _invoices(provider: int, ids: range) -> Rows:
    for i in ids:
        for m in (7, 8, 9):
            yield {"organisation_id": provider, "document_type": "invoice", "number": f"B{i}-{m}",
                   "natural_key": f"bench:{i}:{m}", "month": f"2026-{m:02d}", "payer_type": "client",
                   "payer_client_id": i, "payer_name": "Bench", "status": "issued",
                   "issued_on": date(2026, m, 28), "subtotal": Decimal("200.00"),
                   "vat_total": Decimal("12.00"), "total": Decimal("212.00"), "gross": Decimal("212.00"),
                   "vat_breakdown": []}


def _deliveries(rng: random.Random, provider: int, warehouse: int, ids: range) -> Rows:
    for i in ids:
        for day in (date(2026, 7, 6), date(2026, 8, 17)):
            yield {"organisation_id": provider, "client_id": i, "delivery_date": day, "origin": "reorder",
                   "status": rng.choice(("delivered", "delivered", "delivered", "not_home")),
                   "warehouse_id": warehouse, "confirmed_at": _at(day, 14)}
