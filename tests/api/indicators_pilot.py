"""The pilot the indicator API tests share: 19 consenting clients of a provider, a
cofinancer party to their agreement and another one that is not, invoiced every month."""
from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from nutriplat.billing.models import Invoice
from nutriplat.clients.models import Client, Consent, Measurement, StatusChange
from nutriplat.indicators.report_computation import Row
from nutriplat.screening.models import Screening

INVOICED = ("2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09")
MONTHLY_GROSS = Decimal("100.00")  # per client and month

NAMES = [f"Persoon{n:02d}" for n in range(19)]
SCREENED = 14  # the last five are never screened: 14 of 19 leaves five outside the count


@pytest.fixture
def parties(world):
    admin = world.person("ada", "admin")
    funder = world.person("els", "cofinancer", organisation="Regionaal Zorgfonds West-Vlaanderen")
    other = world.person("olga", "cofinancer", organisation="Other Insurer")
    return admin, funder, other


@pytest.fixture
def pilot(parties, uow):
    """19 active clients with consent, invoiced € 100 a month from April to September,
    14 of them screened in Q2 and Q3 2026 (10 at risk in Q2, 5 of
    them improved in Q3), all weighed monthly."""
    admin = parties[0]
    with uow:
        ids = []
        for n, name in enumerate(NAMES):
            client = Client(organisation_id=admin.organisation_id, given_name=name, family_name="Pilot",
                            birth_date=date(1940 + n, 1, 1), sex=("female", "male")[n % 2], postal_code="8800",
                            care_setting="home", conditions=["parkinson"], status="active",
                            referral_date=date(2026, 2, 1))
            uow.session.add(client)
            uow.session.flush()
            ids.append(client.id)
            uow.session.add_all([
                StatusChange(client_id=client.id, changed_on=date(2026, 2, 1), to_status="active"),
                Consent(client_id=client.id, purpose="cofinancer_reporting", given_at=datetime(2026, 2, 1, tzinfo=UTC)),
                *[Screening(client_id=client.id, instrument="must", instrument_version="t", answers={}, derived={},
                            components={}, risk=risk, performed_at=datetime(2026, month, 10, 9, tzinfo=UTC),
                            performed_on=date(2026, month, 10), next_due=date(2026, month, 10))
                  for month, risk in ((4, "high" if n < 10 else "low"), (7, "high" if n < 5 else "low"))
                  if n < SCREENED],
                *[Measurement(client_id=client.id, type="weight_kg", value=60 + n + month / 10,
                              measured_at=datetime(2026, month, 5, 9, tzinfo=UTC)) for month in range(3, 10)]])
        add_invoices(uow, admin.organisation_id, ids, INVOICED)
        uow.commit()
    return ids


def add_invoices(uow, organisation_id, client_ids, months, gross=MONTHLY_GROSS):
    """One client invoice per client and month, as the monthly invoicing run makes them."""
    for client_id in client_ids:
        for month in months:
            key = f"test-{client_id}-{month}"
            uow.session.add(Invoice(
                organisation_id=organisation_id, document_type="invoice", number=key[-20:], natural_key=key,
                month=month, payer_type="client", payer_client_id=client_id, payer_name="x", status="issued",
                issued_on=date(2026, 10, 1), subtotal=gross, vat_total=Decimal(0), total=gross, gross=gross,
                vat_breakdown=[]))


AGREEMENT = {
    "name": "Ondervoeding Roeselare", "starts_on": "2026-04-01", "ends_on": "2027-03-31",
    "baseline_period": "2026Q2", "settlement_period": "quarter",
    "cohort": {"conditions_any": ["parkinson", "parkinsonism"], "regions": ["Roeselare"]},
    "indicators": [{"code": "screening_coverage", "target": 70}, {"code": "risk_improved_3m", "target": "40"},
                   {"code": "mean_weight_change", "target": 0}, {"code": "hospital_admissions"},
                   {"code": "cost_per_client_month", "version": 1}],
    "payment_rules": [
        {"kind": "per_client_outcome", "params": {"indicator": "risk_improved_3m", "price_per_client": "150.00",
                                                  "cap": "1000.00"}},
        {"kind": "threshold", "params": {"indicator": "screening_coverage", "bonus": "2500.00",
                                         "clawback": "1000.00", "floor": "60"}},
        {"kind": "shared_savings", "params": {"expected_cost_per_client_month": "500.00", "share": "0.5",
                                              "cost_per_admission": "3000.00",
                                              "quality_indicators": ["screening_coverage"]}},
        {"kind": "start_budget", "params": {"amount": "10000.00"}},
    ],
}


@pytest.fixture
def agreement(http, parties, pilot):
    admin, funder, _ = parties
    response = http.post("/api/v1/agreements", headers=admin.headers,
                         json=AGREEMENT | {"cofinancer_id": funder.organisation_id})
    assert response.status_code == 201, response.json
    return accept(http, admin, funder, response.json["id"])


def accept(http, admin, funder, agreement_id):
    """The provider proposes the agreement and the cofinancer accepts it: only then it pays."""
    proposed = http.post(f"/api/v1/agreements/{agreement_id}/proposal", headers=admin.headers)
    assert proposed.status_code == 200, proposed.json
    accepted = http.post(f"/api/v1/agreements/{agreement_id}/acceptance", headers=funder.headers,
                         json={"version": 1})
    assert accepted.status_code == 200, accepted.json
    return accepted.json


def report(http, who, agreement_id, **query):
    return http.get("/api/v1/reports/indicators", headers=who.headers,
                    query_string={"agreement_id": agreement_id} | query)


def as_rows(payload):
    return [Row(r["indicator"], r["period"], r["disaggregation"], r["numerator"], r["denominator"], r["value"],
                r["suppressed"]) for r in payload["rows"]]


