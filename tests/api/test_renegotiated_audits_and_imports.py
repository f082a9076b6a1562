"""Issue 21: a renegotiated version's audit rule (sample size, verifier) and its externally
sourced indicators apply from its period only — the measurement audit of a period follows
the rule of the version in force for it, and a cofinancer's file is judged month by month
against the measures the version in force for the month counts from that source."""
from __future__ import annotations

import pytest

from nutriplat.indicators import pseudonyms
from tests.api.indicators_pilot import AGREEMENT, accept, parties, pilot
from tests.api.test_agreement_renegotiation import TERM
from tests.api.test_indicators_external_sources import ED_VISITS, HEADER, SECRET, enrol, pseudonym_of, upload

__all__ = ["parties", "pilot"]  # fixtures

pytestmark = pytest.mark.business_day("2026-12-07")


def changed(indicators, code, **changes):
    return [item | changes if item["code"] == code else item for item in indicators]


def accepted_agreement(http, admin, funder, indicators):
    made = http.post("/api/v1/agreements", headers=admin.headers,
                     json=AGREEMENT | TERM | {"cofinancer_id": funder.organisation_id, "indicators": indicators})
    assert made.status_code == 201, made.json
    return accept(http, admin, funder, made.json["id"])


def renegotiated_from_q3(http, admin, funder, agreement_id, indicators):
    path = f"/api/v1/agreements/{agreement_id}"
    version = http.post(f"{path}/versions", headers=admin.headers,
                        json={"effective_from": "2026Q3", "indicators": indicators})
    if version.status_code != 201:
        return version
    assert http.post(f"{path}/proposal", headers=admin.headers).status_code == 200
    assert http.post(f"{path}/acceptance", headers=funder.headers, json={"version": 2}).status_code == 200
    return version


def _draw(http, admin, agreement_id, period):
    drawn = http.post(f"/api/v1/agreements/{agreement_id}/measurement-audits", headers=admin.headers,
                      json={"indicator": "screening_coverage", "period": period, "seed": 5})
    assert drawn.status_code == 201, drawn.json
    return drawn.json


def _verify(http, who, audit_id):
    sample = http.get(f"/api/v1/measurement-audits/{audit_id}/sample", headers=who.headers)
    if sample.status_code != 200:
        return sample
    return http.post(f"/api/v1/measurement-audits/{audit_id}/findings", headers=who.headers, json={"findings": [
        {"kind": item["kind"], "id": item["id"], "agrees": True} for item in sample.json["items"]]})


def test_a_renegotiated_audit_rule_draws_and_verifies_from_its_period_only(http, world, parties, pilot):
    admin, funder, _ = parties
    dirk = world.person("dirk", "dietitian")
    first = {"sample_size": 4, "verified_by": admin.id, "min_agreement_rate": "0.9"}
    audited = changed(AGREEMENT["indicators"], "screening_coverage", audit_rule=first)
    agreement = accepted_agreement(http, admin, funder, audited)
    # version 2: a bigger sample, verified by the provider's dietitian
    bigger = changed(audited, "screening_coverage", audit_rule=first | {"sample_size": 10, "verified_by": dirk.id})
    assert renegotiated_from_q3(http, admin, funder, agreement["id"], bigger).status_code == 201
    q2, q3 = _draw(http, admin, agreement["id"], "2026Q2"), _draw(http, admin, agreement["id"], "2026Q3")
    assert (q2["sample_size"], q3["sample_size"]) == (4, 10)  # 14 screenings a quarter to draw from
    # Q2 keeps version 1's verifier (the admin), Q3 is the dietitian's
    assert _verify(http, dirk, q2["id"]).status_code == 404  # not named for Q2: no such audit for him
    assert _verify(http, admin, q3["id"]).status_code == 403
    settle = f"/api/v1/agreements/{agreement['id']}/settlements"
    refused = http.post(settle, headers=funder.headers, json={"period": "2026Q3"})
    assert refused.json["errors"] == {"period": ["screening_coverage: the measurement audit is not verified."]}
    assert _verify(http, admin, q2["id"]).status_code == 200
    assert _verify(http, dirk, q3["id"]).status_code == 200
    settled = {period: http.post(settle, headers=funder.headers, json={"period": period})
               for period in ("2026Q2", "2026Q3")}
    assert [settled[p].status_code for p in settled] == [201, 201], {p: r.json for p, r in settled.items()}
    assert [settled[p].json["snapshot"]["audits"]["screening_coverage"]["sample_size"] for p in settled] == [4, 10]


def test_an_audit_rule_changes_only_from_a_period_not_audited_yet(http, world, parties, pilot):
    admin, funder, _ = parties
    dirk = world.person("dirk", "dietitian")
    rule = {"sample_size": 4, "verified_by": admin.id}
    audited = changed(AGREEMENT["indicators"], "screening_coverage", audit_rule=rule)
    agreement = accepted_agreement(http, admin, funder, audited)
    _draw(http, admin, agreement["id"], "2026Q3")
    another = changed(audited, "screening_coverage", audit_rule=rule | {"verified_by": dirk.id})
    refused = renegotiated_from_q3(http, admin, funder, agreement["id"], another)
    assert refused.status_code == 422
    assert refused.json["errors"]["effective_from"] == [
        "The measurement audit of screening_coverage 2026Q3 is drawn already on the audit rule and cohort in force "
        "then; another sample size, verifier or cohort starts from a period not audited yet."]
    # whether payment waits for the audit may still change; a rule's own fields are still checked
    assert renegotiated_from_q3(http, admin, funder, agreement["id"], changed(
        audited, "screening_coverage", audit_rule=rule | {"min_agreement_rate": "0.8"})).status_code == 201
    bad = http.post(f"/api/v1/agreements/{agreement['id']}/versions", headers=admin.headers, json={
        "effective_from": "2026Q4", "indicators": changed(audited, "screening_coverage",
                                                        audit_rule=rule | {"verified_by": funder.id})})
    assert bad.status_code == 422 and "indicators.0.audit_rule.verified_by" in bad.json["errors"]


def test_a_file_is_judged_by_the_version_in_force_for_each_month(http, parties, pilot, monkeypatch):
    """Version 1 counts hospital admissions from the insurer; version 2, from 2026Q3, counts
    them on the platform and ED visits (a measure only the insurer has) from the insurer."""
    monkeypatch.setenv(pseudonyms.KEY_ENV, SECRET)
    admin, funder, _ = parties
    assert http.post("/api/v1/indicator-definitions", headers=admin.headers, json=ED_VISITS).status_code == 201
    insured = changed(AGREEMENT["indicators"], "hospital_admissions", data_source="insurer")
    agreement_id = accepted_agreement(http, admin, funder, insured)["id"]
    renegotiated = [*AGREEMENT["indicators"], {"code": "ed_visits_per_100", "data_source": "insurer"}]
    assert renegotiated_from_q3(http, admin, funder, agreement_id, renegotiated).status_code == 201
    enrol(http, admin, agreement_id, pilot)
    someone = pseudonym_of(agreement_id, 0)
    rows = [("2026-06", "ed_visits"), ("2026-07", "admissions"), ("2026-06", "admissions"), ("2026-07", "ed_visits")]
    refused = upload(http, admin, agreement_id, HEADER + "".join(f"{someone},{month},{measure},1\n"
                                                                 for month, measure in rows))
    assert refused.status_code == 422
    assert refused.json["errors"] == {
        "rows.2.measure": ["Must be a measure the agreement counts from this source: admissions, client_months."],
        "rows.3.measure": ["Must be a measure the agreement counts from this source: client_months, ed_visits."]}
    imported = upload(http, admin, agreement_id, HEADER + "".join(f"{someone},{month},{measure},1\n"
                                                                  for month, measure in rows[2:]))
    assert imported.status_code == 201, imported.json
    assert [(row["month"], row["measure"], row["status"]) for row in imported.json["report"]] == [
        ("2026-06", "admissions", "matched"), ("2026-07", "ed_visits", "matched")]
