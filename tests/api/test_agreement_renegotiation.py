"""Renegotiation of the whole agreement — the indicator set and how each indicator is
measured, the cohort, the outcomes, the payment rules — as a new version from a reporting
period on: it applies from its period only, the periods before settle on the old version to
the cent, an unaccepted version pays nothing, the checksums cover every term, and a
malformed proposal writes nothing."""
from __future__ import annotations

import pytest

from tests.api.indicators_pilot import AGREEMENT, accept, parties, pilot

__all__ = ["parties", "pilot"]  # fixtures

pytestmark = pytest.mark.business_day("2026-12-07")

# the term starts in January, so 2026Q2 and Q3 (the pilot's screening quarters) are both settled
TERM = {"starts_on": "2026-01-01", "baseline_period": "2025Q4",
        "payment_rules": [{"kind": "threshold", "params": {"indicator": "screening_coverage", "bonus": "2500.00",
                                                          "clawback": "1000.00", "floor": "60"}}]}
# version 2 from 2026Q3: mean weight change is no longer followed; the share at risk is, with a rule of its own
NEW_SET = [{"code": "screening_coverage", "target": "70", "instrument": "MUST", "measured_by": "dietitian"},
           {"code": "risk_improved_3m", "target": "40"}, {"code": "hospital_admissions"},
           {"code": "cost_per_client_month", "version": 1},
           {"code": "at_risk_share", "target": "40", "instrument": "MUST", "measured_by": "dietitian",
            "frequency": "quarter"}]
RENEGOTIATED = {"effective_from": "2026Q3", "indicators": NEW_SET, "payment_rules": [
    *TERM["payment_rules"],
    {"kind": "threshold", "params": {"indicator": "at_risk_share", "bonus": "3000.00", "clawback": "0.00"}}]}


def _accepted(http, admin, funder):
    made = http.post("/api/v1/agreements", headers=admin.headers,
                     json=AGREEMENT | TERM | {"cofinancer_id": funder.organisation_id})
    assert made.status_code == 201, made.json
    return accept(http, admin, funder, made.json["id"])


def _settle(http, who, agreement_id, period):
    return http.post(f"/api/v1/agreements/{agreement_id}/settlements", headers=who.headers, json={"period": period})


def _renegotiated(http, admin, funder, agreement_id, body=RENEGOTIATED, accepted=True):
    path = f"/api/v1/agreements/{agreement_id}"
    version = http.post(f"{path}/versions", headers=admin.headers, json=body)
    assert version.status_code == 201, version.json
    assert http.post(f"{path}/proposal", headers=admin.headers).status_code == 200
    if accepted:
        assert http.post(f"{path}/acceptance", headers=funder.headers, json={"version": 2}).status_code == 200
    return version.json


def _codes(statement):
    return [indicator["code"] for indicator in statement["snapshot"]["indicators"]]


def test_a_renegotiated_indicator_set_applies_from_its_period_only(http, parties, pilot):
    admin, funder, _ = parties
    agreement = _accepted(http, admin, funder)
    version = _renegotiated(http, admin, funder, agreement["id"])
    stated = {item["code"]: item for item in version["terms"]["indicators"]}
    assert "mean_weight_change" not in stated
    assert (stated["at_risk_share"]["target"], stated["at_risk_share"]["measured_by"]) == ("40", "dietitian")
    q2, q3 = (_settle(http, funder, agreement["id"], period) for period in ("2026Q2", "2026Q3"))
    assert q2.status_code == q3.status_code == 201, (q2.json, q3.json)
    assert q2.json["snapshot"]["agreement"]["version"] == 1 and q3.json["snapshot"]["agreement"]["version"] == 2
    assert "mean_weight_change" in _codes(q2.json) and "at_risk_share" not in _codes(q2.json)
    assert "at_risk_share" in _codes(q3.json) and "mean_weight_change" not in _codes(q3.json)
    # the frozen reports: Q2 counted the first version's indicators, Q3 the second's
    for period, present, absent in (("2026Q2", "mean_weight_change", "at_risk_share"),
                                    ("2026Q3", "at_risk_share", "mean_weight_change")):
        rows = http.get("/api/v1/reports/indicators", headers=funder.headers,
                        query_string={"agreement_id": agreement["id"], "period": period}).json["rows"]
        counted = {row["indicator"] for row in rows if row["period"] == period}
        assert present in counted and absent not in counted
    # version 2's own rule pays on the new indicator: 5 of 14 screened at risk, 35.7 % ≤ 40 %
    assert [(line["description"], line["amount"]) for line in q3.json["lines"]] == [
        ("Threshold on Screening coverage", "2500.00"), ("Threshold on Share at risk, by instrument", "3000.00")]
    assert [line["description"] for line in q2.json["lines"]] == ["Threshold on Screening coverage"]
    assert q3.json["snapshot"]["agreement"]["terms"] == version["terms"]
    verified = http.get(f"/api/v1/settlements/{q3.json['id']}/verification", headers=funder.headers).json
    assert verified["matches"] and verified["checksum_matches"] and verified["terms_match"]


def test_old_periods_settle_on_the_old_version_to_the_cent(http, parties, pilot):
    admin, funder, _ = parties
    kept, renegotiated = _accepted(http, admin, funder), _accepted(http, admin, funder)
    _renegotiated(http, admin, funder, renegotiated["id"])
    before, after = (_settle(http, funder, a["id"], "2026Q2").json for a in (kept, renegotiated))
    assert after["snapshot"]["agreement"]["version"] == 1
    assert (after["total"], after["lines"]) == (before["total"], before["lines"])
    assert after["snapshot"]["indicators"] == before["snapshot"]["indicators"]


def test_an_unaccepted_renegotiation_pays_nothing_and_the_previous_version_keeps_paying(http, parties, pilot):
    admin, funder, _ = parties
    kept, proposed = _accepted(http, admin, funder), _accepted(http, admin, funder)
    _renegotiated(http, admin, funder, proposed["id"], accepted=False)
    before, after = (_settle(http, funder, a["id"], "2026Q3").json for a in (kept, proposed))
    assert after["snapshot"]["agreement"]["version"] == 1
    assert (after["total"], after["lines"]) == (before["total"], before["lines"])
    assert "at_risk_share" not in _codes(after)
    # Q3 is reported and settled on version 1 now: version 2 can no longer take it over
    late = http.post(f"/api/v1/agreements/{proposed['id']}/acceptance", headers=funder.headers, json={"version": 2})
    assert late.status_code == 409 and "effective_from" in late.json["errors"]


def test_a_version_measured_otherwise_has_another_checksum_which_its_settlement_carries(http, parties, pilot):
    admin, funder, _ = parties
    agreement = _accepted(http, admin, funder)
    path = f"/api/v1/agreements/{agreement['id']}"
    measured = [item | ({"frequency": "month"} if item["code"] == "risk_improved_3m" else {})
                for item in AGREEMENT["indicators"]]
    _renegotiated(http, admin, funder, agreement["id"], {"effective_from": "2026Q3", "indicators": measured})
    first, second = http.get(f"{path}/versions", headers=funder.headers).json
    assert first["checksum"] != second["checksum"]
    assert second["terms"]["indicators"][1]["frequency"] == "month"
    settled = _settle(http, funder, agreement["id"], "2026Q3").json
    assert settled["snapshot"]["agreement"]["terms_checksum"] == second["checksum"]


def test_a_malformed_proposal_names_every_part_and_writes_nothing(http, parties, pilot):
    admin, funder, _ = parties
    agreement = _accepted(http, admin, funder)
    path = f"/api/v1/agreements/{agreement['id']}/versions"
    refused = http.post(path, headers=admin.headers, json={
        "effective_from": "2026Q3",
        "indicators": [{"code": "risk_improved_3m", "audit_rule": {"sample_size": 5, "verified_by": funder.id}},
                       {"code": "no_such_indicator"},
                       {"code": "screening_coverage", "data_source": "insurer"},
                       {"code": "risk_improved_3m"}],
        "cohort": {"referred_from": "2026-03-01", "referred_until": "2026-01-01"},
        "targets": {"mean_weight_change": "1"},
        "outcomes": [{"name": "Weight", "aim": "health",
                      "objectives": [{"name": "Gain", "indicators": ["mean_weight_change"]}]}],
        "payment_rules": [{"kind": "threshold", "params": {"indicator": "mean_weight_change", "bonus": "1.00",
                                                          "clawback": "0.00"}},
                          {"kind": "shared_savings", "params": {"expected_cost_per_client_month": "500.00",
                                                                "share": "0.5", "quality_indicators": ["x"]}}]})
    assert refused.status_code == 422
    assert {"indicators.0.audit_rule.verified_by", "indicators.1.code", "indicators.2.data_source", "indicators.3.code",
            "cohort.referred_until", "targets.mean_weight_change", "outcomes.0.objectives.0.indicators.0",
            "payment_rules.0.params.indicator",
            "payment_rules.1.params.quality_indicators"} <= set(refused.json["errors"])
    assert [v["version"] for v in http.get(path, headers=admin.headers).json] == [1]


def test_what_the_reports_count_changes_only_from_a_period_not_reported_yet(http, parties, pilot):
    admin, funder, _ = parties
    agreement = _accepted(http, admin, funder)
    assert http.get("/api/v1/reports/indicators", headers=funder.headers,
                    query_string={"agreement_id": agreement["id"], "period": "2026Q3"}).status_code == 200
    path = f"/api/v1/agreements/{agreement['id']}/versions"
    refused = http.post(path, headers=admin.headers, json=RENEGOTIATED)
    assert refused.status_code == 422 and "2026Q3" in refused.json["errors"]["effective_from"][0]
    measured_otherwise = http.post(path, headers=admin.headers, json={"effective_from": "2026Q3", "indicators": [
        item | ({"measured_by": "nurse"} if item["code"] == "screening_coverage" else {})
        for item in AGREEMENT["indicators"]]})
    assert measured_otherwise.status_code == 201, measured_otherwise.json  # the report counts the same


def test_a_renegotiated_cohort_reports_from_its_period_on(http, parties, pilot):
    admin, funder, _ = parties
    agreement = _accepted(http, admin, funder)
    # the pilot's clients were born 1940–1958: at most 80 on 1 January 2026 leaves 13 of 19
    _renegotiated(http, admin, funder, agreement["id"], {"effective_from": "2026Q3", "cohort": {
        "conditions_any": ["parkinson", "parkinsonism"], "regions": ["Roeselare"], "max_age": 80}})
    counted = {}
    for period in ("2026Q2", "2026Q3"):
        rows = http.get("/api/v1/reports/indicators", headers=funder.headers,
                        query_string={"agreement_id": agreement["id"], "period": period}).json["rows"]
        counted[period] = next(row["denominator"] for row in rows if row["period"] == period
                               and row["indicator"] == "screening_coverage" and not row["disaggregation"])
    assert counted == {"2026Q2": 19, "2026Q3": 13}  # clients in the cohort, active in the quarter


def test_a_version_can_make_payment_wait_for_the_measurement_audit_from_its_period_on(http, parties, pilot):
    admin, funder, _ = parties
    audited = [item | ({"audit_rule": {"sample_size": 10, "verified_by": admin.id}}
                       if item["code"] == "screening_coverage" else {}) for item in AGREEMENT["indicators"]]
    made = http.post("/api/v1/agreements", headers=admin.headers, json=AGREEMENT | TERM | {
        "cofinancer_id": funder.organisation_id, "indicators": audited})
    agreement = accept(http, admin, funder, made.json["id"])
    conditional = [item | ({"audit_rule": item["audit_rule"] | {"min_agreement_rate": "0.9"}}
                           if "audit_rule" in item else {}) for item in audited]
    _renegotiated(http, admin, funder, agreement["id"], {"effective_from": "2026Q3", "indicators": conditional})
    assert _settle(http, funder, agreement["id"], "2026Q2").status_code == 201  # version 1: no condition
    waiting = _settle(http, funder, agreement["id"], "2026Q3")
    assert waiting.status_code == 409 and "measurement audit" in waiting.json["errors"]["period"][0]
    path = f"/api/v1/agreements/{agreement['id']}/measurement-audits"
    drawn = http.post(path, headers=admin.headers, json={"indicator": "screening_coverage", "period": "2026Q3",
                                                          "seed": 1}).json
    sample = http.get(f"/api/v1/measurement-audits/{drawn['id']}/sample", headers=admin.headers).json["items"]
    http.post(f"/api/v1/measurement-audits/{drawn['id']}/findings", headers=admin.headers,
              json={"findings": [{"kind": item["kind"], "id": item["id"], "agrees": True} for item in sample]})
    q3 = _settle(http, funder, agreement["id"], "2026Q3")
    assert q3.status_code == 201, q3.json
    assert q3.json["snapshot"]["audits"]["screening_coverage"]["min_agreement_rate"] == "0.9"
