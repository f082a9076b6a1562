"""The cofinancer's attacks on suppressed figures (issue 14, holes 2 and 3), performed in
code against the API: every one of them must come away with nothing.

Twenty consented clients at home; 14 screened in April (3 of them at high risk), 12 in
July (all at low risk: those 3 improved), 3 more in September. So September's coverage
(3 of 20) is hidden, the quarter's (15 of 20) is shown, and so is July's."""
from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from nutriplat.auth.actor import Actor
from nutriplat.clients.models import Client, Consent, StatusChange
from nutriplat.indicators import reports
from nutriplat.screening.models import Screening
from tests.api.indicators_pilot import accept

SCREENED_ON = {4: range(14), 7: range(12), 9: range(12, 15)}  # month: clients screened


pytestmark = pytest.mark.business_day("2026-12-07")


@pytest.fixture
def parties(world):
    return world.person("ada", "admin"), world.person("els", "cofinancer", organisation="Zorgfonds")


@pytest.fixture
def clients(parties, uow):
    with uow:
        ids = []
        for n in range(20):
            client = Client(organisation_id=parties[0].organisation_id, given_name=f"Lid{n}", family_name="X",
                            birth_date=date(1945, 1, 1), sex=("female", "male")[n % 2], postal_code="8800",
                            care_setting="home", conditions=["parkinson"], status="active",
                            referral_date=date(2026, 2, 1))
            uow.session.add(client)
            uow.session.flush()
            ids.append(client.id)
            uow.session.add(StatusChange(client_id=client.id, changed_on=date(2026, 2, 1), to_status="active"))
            uow.session.add(Consent(client_id=client.id, purpose="cofinancer_reporting",
                                    given_at=datetime(2026, 2, 1, tzinfo=UTC)))
            for month, who in SCREENED_ON.items():
                if n in who:
                    uow.session.add(Screening(
                        client_id=client.id, instrument="must", instrument_version="t", answers={}, derived={},
                        components={}, risk="high" if month == 4 and n < 3 else "low",
                        performed_at=datetime(2026, month, 10, 9, tzinfo=UTC), performed_on=date(2026, month, 10),
                        next_due=date(2026, month, 10)))
        uow.commit()
    return ids


def make_agreement(http, parties, rules):
    admin, funder = parties
    response = http.post("/api/v1/agreements", headers=admin.headers, json={
        "cofinancer_id": funder.organisation_id, "name": "Pilot", "starts_on": "2026-04-01",
        "ends_on": "2027-03-31", "baseline_period": "2026Q2", "settlement_period": "quarter",
        "indicators": [{"code": "screening_coverage", "target": 70}, {"code": "risk_improved_3m"}],
        "payment_rules": rules})
    assert response.status_code == 201, response.json
    return accept(http, admin, funder, response.json["id"])["id"]


COVERAGE_BONUS = {"kind": "threshold", "params": {"indicator": "screening_coverage", "bonus": "2500.00",
                                                  "clawback": "0.00"}}
PER_IMPROVED = {"kind": "per_client_outcome", "params": {"indicator": "risk_improved_3m",
                                                         "price_per_client": "150.00"}}


def get_report(http, who, agreement_id, period):
    return http.get("/api/v1/reports/indicators", headers=who.headers,
                    query_string={"agreement_id": agreement_id, "period": period})


def total(payload, indicator, period):
    return next(r for r in payload["rows"] if r["indicator"] == indicator and r["period"] == period
                and not r["disaggregation"])


def test_a_hidden_month_is_not_the_quarter_minus_the_other_months(http, parties, clients):
    funder, agreement = parties[1], make_agreement(http, parties, [COVERAGE_BONUS])
    answers = {p: get_report(http, funder, agreement, p) for p in ("2026Q3", "2026-07", "2026-08", "2026-09")}
    shown = {p: total(r.json, "screening_coverage", p) for p, r in answers.items() if r.status_code == 200}
    if {"2026Q3", "2026-07", "2026-08"} <= set(shown) and shown["2026-09"]["suppressed"]:
        september = shown["2026Q3"]["numerator"] - shown["2026-07"]["numerator"] - shown["2026-08"]["numerator"]
        pytest.fail(f"September's suppressed coverage recovered by subtraction: {september} screened")
    assert list(shown) == ["2026Q3"]
    for month in ("2026-07", "2026-08", "2026-09"):
        assert answers[month].status_code == 422
        assert "reports per quarter" in answers[month].json["errors"]["period"][0]
    assert get_report(http, funder, agreement, "2026").json["errors"]["period"]  # an overlapping span
    assert get_report(http, funder, agreement, "2026Q4").json["errors"] == {
        "period": ["Reported once it has closed, after 2026-12-31."]}  # still open: it would change


def test_the_trend_shows_the_same_periods_as_the_reports(uow, parties, clients, http):
    admin, agreement = parties[0], make_agreement(http, parties, [COVERAGE_BONUS])
    found = reports.trends(uow, Actor(admin.id, "ada", "admin", admin.organisation_id), agreement, "2026Q3")
    assert [label for label, _ in found.series["screening_coverage"]] == ["2026Q2", "2026Q3"]


def test_a_consent_withdrawn_between_two_reports_of_a_period_tells_nothing(http, parties, clients, world):
    funder, agreement = parties[1], make_agreement(http, parties, [COVERAGE_BONUS])
    dora = world.person("dora", "dietitian")
    before = get_report(http, funder, agreement, "2026Q3").json["rows"]
    consent = http.get(f"/api/v1/clients/{clients[12]}/consents", headers=dora.headers).json[0]
    assert http.delete(f"/api/v1/clients/{clients[12]}/consents/{consent['id']}",
                       headers=dora.headers).status_code == 200
    after = get_report(http, funder, agreement, "2026Q3").json["rows"]
    differences = {(b["indicator"], b["period"], str(b["disaggregation"])): (b["numerator"], a["numerator"])
                   for b, a in zip(before, after, strict=True) if b != a}
    assert differences == {}  # else before − after is the one who withdrew: screened or not, at risk or not


def test_a_small_complement_is_hidden(http, parties, clients):
    funder, agreement = parties[1], make_agreement(http, parties, [COVERAGE_BONUS])
    q2 = get_report(http, funder, agreement, "2026Q2").json
    women = next(r for r in q2["rows"] if r["indicator"] == "screening_coverage"
                 and r["disaggregation"] == {"sex": "female"})
    assert women["suppressed"]  # 7 of 10 women screened: the 3 who were not are a group of three


def test_a_settlement_snapshot_shows_no_figure_the_report_hides(http, parties, clients):
    funder, agreement = parties[1], make_agreement(http, parties, [COVERAGE_BONUS])
    shown = get_report(http, funder, agreement, "2026Q3").json
    issued = http.post(f"/api/v1/agreements/{agreement}/settlements", headers=funder.headers,
                       json={"period": "2026Q3"})
    assert issued.status_code == 201, issued.json
    for figures in issued.json["snapshot"]["indicators"]:
        for which, period in (("period", "2026Q3"), ("baseline", "2026Q2")):
            row = total(shown, figures["code"], period)
            if row["suppressed"]:  # 3 of 3 improved: never as numbers, so no breakdown follows from them
                assert figures[which] is None and which in figures["suppressed"]
            else:
                assert (float(figures[which]["numerator"]), float(figures[which]["denominator"])) == (
                    row["numerator"], row["denominator"])
    assert total(shown, "risk_improved_3m", "2026Q3")["suppressed"]
    assert issued.json["lines"][0]["amount"] == "2500.00"  # 15 of 20 screened ≥ 70 %


def test_a_settlement_that_needs_a_hidden_figure_is_refused_naming_it(http, parties, clients):
    funder, agreement = parties[1], make_agreement(http, parties, [PER_IMPROVED])
    refused = http.post(f"/api/v1/agreements/{agreement}/settlements", headers=funder.headers,
                        json={"period": "2026Q3"})
    assert refused.status_code == 409, refused.json
    assert "risk_improved_3m" in refused.json["message"] and "2026Q3" in refused.json["message"]
    assert refused.json["errors"] == {"period": ["risk_improved_3m 2026Q3: suppressed; it cannot be settled on."]}
    assert http.get(f"/api/v1/agreements/{agreement}/settlements", headers=funder.headers).json == []
