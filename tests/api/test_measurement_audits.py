"""Item 4 of issue 21: the seeded measurement audit of an indicator per period, verified by a
second person, and payment on the indicator held when the audit falls below the agreed rate."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from nutriplat.indicators.domain.audit_sample import draw
from nutriplat.screening.models import Screening
from tests.api.indicators_pilot import AGREEMENT, accept, parties, pilot

__all__ = ["parties", "pilot"]  # fixtures

pytestmark = pytest.mark.business_day("2026-12-07")
RULE = {"sample_size": 8, "min_agreement_rate": "0.9"}  # verified_by: the admin (a user id)


@pytest.fixture
def audited(http, parties, pilot):
    """The pilot's agreement, its screening coverage audited: 8 forms a quarter, 90 % must agree."""
    admin, funder, _ = parties
    rule = RULE | {"verified_by": admin.id}
    indicators = [item | {"instrument": "MUST form", "audit_rule": rule} if item["code"] == "screening_coverage"
                  else item for item in AGREEMENT["indicators"]]
    created = http.post("/api/v1/agreements", headers=admin.headers,
                        json=AGREEMENT | {"cofinancer_id": funder.organisation_id, "indicators": indicators})
    assert created.status_code == 201, created.json
    return accept(http, admin, funder, created.json["id"])


def draw_sample(http, who, agreement_id, **body):
    return http.post(f"/api/v1/agreements/{agreement_id}/measurement-audits", headers=who.headers,
                     json={"indicator": "screening_coverage", "period": "2026Q3"} | body)


def test_the_sample_follows_from_its_stored_seed_and_is_drawn_once(http, parties, audited, uow):
    admin, funder, _ = parties
    bad = draw_sample(http, admin, audited["id"], indicator="cost_per_client_month", period="2027Q1")
    assert bad.status_code == 422 and set(bad.json["errors"]) == {"indicator", "period"}
    drawn = draw_sample(http, admin, audited["id"], seed=20261207)
    assert drawn.status_code == 201, drawn.json
    assert (drawn.json["seed"], drawn.json["population"], drawn.json["sample_size"]) == (20261207, 14, 8)
    with uow:  # anyone can draw it again from the seed: the Q3 screening forms of the cohort
        forms = uow.session.scalars(select(Screening.id).where(
            Screening.performed_on.between(date(2026, 7, 1), date(2026, 9, 30)))).all()
    sample = http.get(f"/api/v1/measurement-audits/{drawn.json['id']}/sample", headers=admin.headers).json
    assert [(item["kind"], item["id"]) for item in sample["items"]] == draw(
        [("screening", i) for i in forms], 20261207, 8)
    assert draw_sample(http, admin, audited["id"]).status_code == 409
    # the cofinancer sees how the sample was drawn and how well it agreed, never a person
    assert http.get(f"/api/v1/measurement-audits/{drawn.json['id']}/sample", headers=funder.headers).status_code == 403
    seen = http.get(f"/api/v1/agreements/{audited['id']}/measurement-audits", headers=funder.headers).json
    assert [(a["seed"], a["sample_size"], a["agreement_rate"]) for a in seen] == [(20261207, 8, None)]
    assert draw_sample(http, funder, audited["id"]).status_code == 403


def test_a_failed_audit_holds_the_payment_on_its_indicator(http, parties, audited):
    admin, funder, _ = parties
    settle = f"/api/v1/agreements/{audited['id']}/settlements"
    refused = http.post(settle, headers=funder.headers, json={"period": "2026Q3"})
    assert refused.status_code == 409
    assert refused.json["errors"] == {"period": ["screening_coverage: the measurement audit is not verified."]}
    audit = draw_sample(http, admin, audited["id"], seed=7).json
    items = http.get(f"/api/v1/measurement-audits/{audit['id']}/sample", headers=admin.headers).json["items"]
    findings = [{"kind": item["kind"], "id": item["id"], "agrees": n >= 2} for n, item in enumerate(items)]
    incomplete = http.post(f"/api/v1/measurement-audits/{audit['id']}/findings", headers=admin.headers,
                           json={"findings": findings[1:] + [findings[1]]})
    assert incomplete.status_code == 422 and set(incomplete.json["errors"]) == {"findings", "findings.7.id"}
    verified = http.post(f"/api/v1/measurement-audits/{audit['id']}/findings", headers=admin.headers,
                         json={"findings": findings})
    assert verified.json["agreement_rate"] == "0.7500"  # 6 of 8 confirmed by the forms
    statement = http.post(settle, headers=funder.headers, json={"period": "2026Q3"})
    assert statement.status_code == 201, statement.json
    assert statement.json["audits"] == [{"indicator": "screening_coverage", "agreement_rate": "0.7500",
                                         "min_agreement_rate": "0.9", "sample_size": 8, "seed": 7,
                                         "passed": False}]
    lines = {line["kind"]: line for line in statement.json["lines"]}
    assert lines["threshold"]["amount"] == lines["shared_savings"]["amount"] == "0.00"
    assert lines["threshold"]["steps"][-1]["description"].startswith("Held: the measurement audit of "
                                                                      "screening_coverage agrees 0.7500")
    assert lines["per_client_outcome"]["amount"] != "0.00"  # not audited: paid as agreed
    verification = http.get(f"/api/v1/settlements/{statement.json['id']}/verification", headers=funder.headers)
    assert verification.json["matches"] is True
