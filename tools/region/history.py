"""A year of each client's history as rows for bulk inserts: status and setting changes,
consents, measurements, MUST screenings every quarter, intake at home, weekly deliveries,
subscriptions and the invoices of the months before the last complete one (which the
nightly cycle's invoicing makes). Pure generators over ``RegionClient``s: no database."""
from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from nutriplat.periods import Month
from tools.builders.bulk import Rows
from tools.region.people import RegionClient

HISTORY_DAYS = 365
MUST = ("low", "medium", "high")
RESCREEN_DAYS = {"low": 90, "medium": 30, "high": 14}  # a higher risk is screened again sooner


@dataclass(frozen=True)
class Ids:
    """The database ids the rows point to."""
    provider: int
    users: dict[str, int]  # username → id
    warehouses: Sequence[int]  # per depot, in places.DEPOTS order
    wards: Sequence[int]  # per facility
    plans: Sequence[int]


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)


def _since(client: RegionClient, today: date) -> date:
    return max(client.referred_on, today - timedelta(days=HISTORY_DAYS))


def _in_care(client: RegionClient) -> date:
    return client.referred_on + timedelta(days=7)


def client_rows(clients: Iterable[RegionClient], ids: Ids) -> Rows:
    for c in clients:
        yield {**c.row, "organisation_id": ids.provider,
               "ward_id": ids.wards[c.facility] if c.facility is not None else None}


def status_rows(clients: Iterable[RegionClient], today: date) -> Rows:
    for c in clients:
        started = _in_care(c)
        yield {"client_id": c.id, "changed_on": started, "from_status": "referred", "to_status": "active"}
        if c.status != "active":
            since = started + (today - started) * 3 // 4
            yield {"client_id": c.id, "changed_on": since, "from_status": "active", "to_status": c.status,
                   "reason": "paused by the family" if c.status == "paused" else "stopped at own request"}


def transfer_rows(clients: Iterable[RegionClient]) -> Rows:
    for c in clients:
        yield {"client_id": c.id, "transferred_on": c.referred_on, "to_setting": c.setting}


def consent_rows(clients: Iterable[RegionClient], seed: int) -> Rows:
    rng = random.Random(f"{seed}/region/consents")
    for c in clients:
        yield {"client_id": c.id, "purpose": "care", "given_at": _at(c.referred_on)}
        if rng.random() < 0.9:
            yield {"client_id": c.id, "purpose": "cofinancer_reporting", "given_at": _at(c.referred_on)}


def measurement_rows(clients: Iterable[RegionClient], ids: Ids) -> Rows:
    for c in clients:
        for m in c.measurements:
            yield {"client_id": c.id, "type": m.type, "value": m.value, "measured_at": m.measured_at,
                   "measured_by": ids.users.get(m.measured_by)}


def screening_rows(clients: Iterable[RegionClient], today: date, seed: int) -> Rows:
    """MUST screenings, each one when the one before fell due; the last one's due date may
    lie before today (the rescreening list's clients)."""
    rng = random.Random(f"{seed}/region/screenings")
    for c in clients:
        day, level = _since(c, today), rng.choice((0, 0, 1, 2))
        while day < today:
            risk = MUST[level]
            due = day + timedelta(days=RESCREEN_DAYS[risk])
            yield {"client_id": c.id, "instrument": "must", "instrument_version": "2011", "answers": {},
                   "derived": {}, "components": {}, "risk": risk, "care_setting": c.setting,
                   "performed_at": _at(day), "performed_on": day, "next_due": due}
            day = due + timedelta(days=rng.randint(0, 10))
            level = max(0, min(2, level + rng.choice((-1, 0, 0, 1))))


def intake_rows(clients: Iterable[RegionClient], today: date, seed: int) -> Rows:
    """Lunch eaten, noted every other week at home and every week in a facility."""
    rng = random.Random(f"{seed}/region/intake")
    for c in clients:
        step = 14 if c.setting == "home" else 7
        day = _since(c, today)
        while day < today:
            yield {"client_id": c.id, "date": day, "meal_slot": "lunch", "percent_eaten": rng.randint(4, 20) * 5}
            day += timedelta(days=step)


def delivery_rows(clients: Iterable[RegionClient], today: date, ids: Ids) -> Rows:
    """A delivery a week to each client at home, delivered and billed, up to yesterday."""
    for c in clients:
        if c.setting != "home":
            continue
        day = _in_care(c) + timedelta(days=c.id % 7)
        while day < today:
            yield {"organisation_id": ids.provider, "client_id": c.id, "delivery_date": day, "origin": "reorder",
                   "status": "delivered" if c.id % 23 else "not_home", "warehouse_id": ids.warehouses[c.depot],
                   "confirmed_at": _at(day, 13), "billed_at": _at(day, 14)}
            day += timedelta(days=7)


def subscription_rows(clients: Iterable[RegionClient], ids: Ids) -> Rows:
    """Clients at home subscribe to a plan when they come into care."""
    for c in home_subscribers(clients):
        yield {"organisation_id": ids.provider, "client_id": c.id, "plan_id": ids.plans[c.id % len(ids.plans)],
               "start_date": _in_care(c)}


def home_subscribers(clients: Iterable[RegionClient]) -> list[RegionClient]:
    return [c for c in clients if c.setting == "home" and c.status != "ended"]


def invoice_rows(clients: Iterable[RegionClient], today: date, ids: Ids, last_invoiced: Month) -> Rows:
    """Each subscriber's invoices from their first month up to ``last_invoiced``."""
    for c in home_subscribers(clients):
        month = Month.of(_in_care(c))
        while month <= last_invoiced:
            yield {"organisation_id": ids.provider, "document_type": "invoice",
                   "number": f"R{month.year % 100:02d}{month.month:02d}-{c.id}",
                   "natural_key": f"invoice:{ids.provider}:{month}:client:{c.id}", "month": str(month),
                   "payer_type": "client", "payer_client_id": c.id, "payer_name": f"{c.row['given_name']} "
                   f"{c.row['family_name']}", "status": "paid", "issued_on": month.last + timedelta(days=1),
                   "subtotal": Decimal("178.30"), "vat_total": Decimal("10.70"), "total": Decimal("189.00"),
                   "gross": Decimal("189.00"), "vat_breakdown": []}
            month = month.next()
