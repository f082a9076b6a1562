"""An agreement's lifecycle: drafted by the provider, proposed (frozen), accepted by a
cofinancer user of that agreement, renegotiated as a new version from a period on; only
an accepted version pays. And its method: outcomes → objectives → indicators, each with
how it is measured."""
from __future__ import annotations

import pytest

from tests.api.indicators_pilot import AGREEMENT, accept, parties, pilot

__all__ = ["parties", "pilot"]  # fixtures

pytestmark = pytest.mark.business_day("2026-12-07")

METHOD = {
    "outcomes": [
        {"name": "Less malnutrition", "aim": "health",
         "objectives": [{"name": "Risk goes down within 3 months", "indicators": ["risk_improved_3m"]},
                        {"name": "Everyone is screened", "indicators": ["screening_coverage"]}]},
        {"name": "Lower cost of care", "aim": "cost",
         "objectives": [{"name": "Fewer admissions", "indicators": ["hospital_admissions", "cost_per_client_month"]}]},
    ],
}


@pytest.fixture
def draft(http, parties, pilot):
    admin, funder, _ = parties
    body = AGREEMENT | METHOD | {"cofinancer_id": funder.organisation_id}
    body["indicators"] = [item | ({"instrument": "MUST", "measured_by": "dietitian", "frequency": "quarter",
                                   "audit_rule": {"sample_size": 10, "verified_by": admin.id,
                                                  "min_agreement_rate": "0.9"}}
                                  if item["code"] == "screening_coverage" else {}) for item in AGREEMENT["indicators"]]
    made = http.post("/api/v1/agreements", headers=admin.headers, json=body)
    assert made.status_code == 201, made.json
    return made.json


def settle(http, who, agreement_id, period="2026Q3"):
    return http.post(f"/api/v1/agreements/{agreement_id}/settlements", headers=who.headers, json={"period": period})


def test_an_agreement_states_its_method_outcomes_objectives_and_how_each_indicator_is_measured(draft, parties):
    assert [(o["name"], o["aim"]) for o in draft["outcomes"]] == [("Less malnutrition", "health"),
                                                                   ("Lower cost of care", "cost")]
    coverage = draft["indicators"][0]
    assert (coverage["instrument"], coverage["measured_by"], coverage["data_source"], coverage["frequency"]) == (
        "MUST", "dietitian", "nutriplat", "quarter")
    assert coverage["audit_rule"] == {"sample_size": 10, "verified_by": parties[0].id,
                                      "min_agreement_rate": "0.9"}


def test_an_objective_measured_by_an_indicator_outside_the_agreement_is_refused(http, parties, pilot):
    admin, funder, _ = parties
    method = {"outcomes": [{"name": "Staff stay", "aim": "staff_wellbeing",
                            "objectives": [{"name": "Less sick leave", "indicators": ["sick_days"]}]}]}
    refused = http.post("/api/v1/agreements", headers=admin.headers,
                        json=AGREEMENT | method | {"cofinancer_id": funder.organisation_id})
    assert refused.status_code == 422
    assert "outcomes.0.objectives.0.indicators.0" in refused.json["errors"]


def test_an_unaccepted_agreement_pays_nothing(http, parties, draft):
    admin, funder, _ = parties
    assert draft["status"] == "draft" and draft["versions"][0]["status"] == "draft"
    refused = settle(http, funder, draft["id"])
    assert refused.status_code == 409 and "agreement_id" in refused.json["errors"]
    proposed = http.post(f"/api/v1/agreements/{draft['id']}/proposal", headers=admin.headers).json
    assert proposed["status"] == "proposed"
    assert settle(http, admin, draft["id"]).status_code == 409
    assert http.get(f"/api/v1/agreements/{draft['id']}/settlements", headers=funder.headers).json == []


def test_both_parties_see_the_same_frozen_version_and_the_cofinancer_accepts_it(http, parties, draft):
    admin, funder, other = parties
    path = f"/api/v1/agreements/{draft['id']}"
    assert http.post(f"{path}/acceptance", headers=funder.headers, json={}).status_code == 409  # nothing proposed
    http.post(f"{path}/proposal", headers=admin.headers)
    theirs = http.get(f"{path}/versions", headers=funder.headers).json
    assert theirs == http.get(f"{path}/versions", headers=admin.headers).json
    assert theirs[0]["terms"]["targets"]["screening_coverage"] == "70" and len(theirs[0]["checksum"]) == 64
    assert http.post(f"{path}/acceptance", headers=admin.headers, json={}).status_code == 403  # not the provider
    assert http.post(f"{path}/acceptance", headers=other.headers, json={}).status_code == 404  # not a party
    stale = http.post(f"{path}/acceptance", headers=funder.headers, json={"checksum": "0" * 64})
    assert stale.status_code == 409 and "checksum" in stale.json["errors"]
    accepted = http.post(f"{path}/acceptance", headers=funder.headers, json={"checksum": theirs[0]["checksum"]})
    assert accepted.status_code == 200
    assert accepted.json["status"] == "active"  # accepted, and its term runs on 7 December 2026
    assert accepted.json["versions"][0]["status"] == "accepted"
    # payment on screening coverage waits for its measurement audit (at least 90 % agreeing)
    assert settle(http, funder, draft["id"]).status_code == 409
    audit = http.post(f"{path}/measurement-audits", headers=admin.headers,
                      json={"indicator": "screening_coverage", "period": "2026Q3", "seed": 1}).json
    sample = http.get(f"/api/v1/measurement-audits/{audit['id']}/sample", headers=admin.headers).json["items"]
    http.post(f"/api/v1/measurement-audits/{audit['id']}/findings", headers=admin.headers,
              json={"findings": [{"kind": item["kind"], "id": item["id"], "agrees": True} for item in sample]})
    issued = settle(http, funder, draft["id"])
    assert issued.status_code == 201, issued.json
    assert issued.json["snapshot"]["agreement"]["version"] == 1


def test_renegotiation_is_a_new_version_from_a_period_on_and_pays_only_once_accepted(http, parties, pilot):
    admin, funder, _ = parties
    made = http.post("/api/v1/agreements", headers=admin.headers,
                     json=AGREEMENT | {"cofinancer_id": funder.organisation_id, "starts_on": "2026-01-01",
                                       "baseline_period": "2025Q4"})
    agreement = accept(http, admin, funder, made.json["id"])
    path = f"/api/v1/agreements/{agreement['id']}/versions"
    new_terms = {"effective_from": "2026Q3", "targets": {"screening_coverage": "80"},
                 "payment_rules": [{"kind": "threshold", "params": {
                     "indicator": "screening_coverage", "bonus": "4000.00", "clawback": "0.00"}}]}
    assert http.post(path, headers=funder.headers, json=new_terms).status_code == 403
    bad = http.post(path, headers=admin.headers, json=new_terms | {
        "effective_from": "2026Q1", "targets": {"nonsense": 1},
        "payment_rules": [{"kind": "threshold", "params": {"indicator": "screening_coverage"}}]})
    assert bad.status_code == 422
    assert {"effective_from", "targets.nonsense", "payment_rules.0.params.bonus"} <= set(bad.json["errors"])
    version = http.post(path, headers=admin.headers, json=new_terms)
    assert version.status_code == 201, version.json
    assert (version.json["version"], version.json["status"], version.json["effective_from"]) == (2, "draft", "2026Q3")
    # Q2 settles under version 1 (accepted); Q3 too while version 2 is not accepted
    q2 = settle(http, funder, agreement["id"], "2026Q2").json
    assert q2["snapshot"]["agreement"]["version"] == 1
    accept_v2 = http.post(f"/api/v1/agreements/{agreement['id']}/proposal", headers=admin.headers)
    assert accept_v2.status_code == 200
    assert http.post(f"/api/v1/agreements/{agreement['id']}/acceptance", headers=funder.headers,
                     json={"version": 2}).status_code == 200
    q3 = settle(http, funder, agreement["id"]).json
    assert q3["snapshot"]["agreement"]["version"] == 2
    assert [line["kind"] for line in q3["lines"]] == ["threshold"]
    assert q3["indicators"][0]["target"] == "80" and q3["total"] == "0.00"  # 73.7 % < 80 %: no bonus
    verified = http.get(f"/api/v1/settlements/{q3['id']}/verification", headers=funder.headers).json
    assert verified["matches"] and verified["checksum_matches"]
