"""Item 7 of issue 21 continued: the staff survey as an indicator definition, so that an
agreement's report row (and a payment rule on it) reads staff wellbeing with the same
small-cell suppression; a definition mixing staff and clients is refused when saved."""
from __future__ import annotations

import pytest

from nutriplat.clock import clock_set_to
from tests.api.indicators_pilot import AGREEMENT, accept, parties, pilot, report
from tests.api.test_staff_survey import answer, answers
from tests.business_day import moment

__all__ = ["parties", "pilot"]  # fixtures

pytestmark = pytest.mark.business_day("2026-12-07")

PATH = "/api/v1/indicator-definitions"
RESPONDENTS = {"aggregate": "count", "where": ["staff_respondent"]}
STAFF_WELLBEING = {
    "code": "staff_wellbeing_score", "name": "Staff wellbeing", "type": "outcome", "dimension": "staff_wellbeing",
    "definition": "Mean score (1-5) of the quarter's staff survey over the staff who answered it.",
    "numerator": {"aggregate": "sum", "of": "staff_score", "where": ["staff_respondent"]},
    "denominator": RESPONDENTS, "multiplier": "1", "decimals": 2, "unit": "score 1-5", "period_type": "quarter",
    "disaggregations": ["staff_group"]}


@pytest.mark.parametrize(("change", "part"), [
    ({"denominator": {"aggregate": "count"}, "numerator": {"aggregate": "sum", "of": "staff_score",
                                                            "where": ["weighed"]}}, "denominator"),
    ({"numerator": {"aggregate": "sum", "of": "staff_score"}}, "numerator.where"),
    ({"disaggregations": ["staff_group", "sex"]}, "disaggregations.1"),
    ({"period_type": "month"}, "period_type"),
    ({"numerator": {"aggregate": "count", "where": ["weighed"]}, "denominator": {"aggregate": "count"}},
     "disaggregations.0"),  # clients never break down by staff group
])
def test_a_staff_definition_that_cannot_be_computed_or_suppressed_is_refused(http, parties, change, part):
    refused = http.post(PATH, headers=parties[0].headers, json=STAFF_WELLBEING | change)
    assert refused.status_code == 422
    assert set(refused.json["errors"]) == {part}
    assert http.post(PATH, headers=parties[0].headers, json=STAFF_WELLBEING).status_code == 201


def test_the_staff_survey_is_a_report_row_with_small_groups_suppressed_and_no_answers_no_value(
        http, world, parties, pilot):
    admin, funder, _ = parties
    assert http.post(PATH, headers=admin.headers, json=STAFF_WELLBEING).status_code == 201
    indicators = [*AGREEMENT["indicators"], {"code": "staff_wellbeing_score", "target": "3.5"}]
    created = http.post("/api/v1/agreements", headers=admin.headers,
                        json=AGREEMENT | {"cofinancer_id": funder.organisation_id, "indicators": indicators})
    assert created.status_code == 201, created.json
    agreement = accept(http, admin, funder, created.json["id"])
    with clock_set_to(moment("2026-09-15")):
        for n in range(6):
            assert answer(http, world.person(f"diet{n}", "dietitian"), "dietitian", answers(4)).status_code == 201
        for n in range(3):
            assert answer(http, world.person(f"driver{n}", "logistics"), "driver", answers(2)).status_code == 201
    seen = report(http, funder, agreement["id"], period="2026Q3")
    assert seen.status_code == 200, seen.json
    rows = {(r["period"], tuple(r["disaggregation"].values())): r for r in seen.json["rows"]
            if r["indicator"] == "staff_wellbeing_score"}
    total = rows[("2026Q3", ())]
    assert (total["numerator"], total["denominator"], total["value"], total["suppressed"]) == (30.0, 9.0, 3.33, False)
    # three drivers are too few, and the dietitians are hidden with them: 9 − 6 would show the drivers
    assert all(rows[("2026Q3", (group,))]["suppressed"] and rows[("2026Q3", (group,))]["value"] is None
               for group in ("driver", "dietitian"))
    baseline = rows[("2026Q2", ())]  # nobody answered in the baseline quarter: no value, never a score
    assert (baseline["value"], baseline["no_data"]) == (None, "no staff survey responses for 2026Q2")
    assert report(http, admin, agreement["id"], period="2026Q3").json["rows"] == seen.json["rows"]


def test_a_threshold_rule_pays_on_staff_wellbeing_and_a_per_client_payment_cannot(http, world, parties, pilot):
    admin, funder, _ = parties
    assert http.post(PATH, headers=admin.headers, json=STAFF_WELLBEING).status_code == 201
    indicators = [*AGREEMENT["indicators"], {"code": "staff_wellbeing_score", "target": "3"}]
    rule = {"kind": "threshold", "params": {"indicator": "staff_wellbeing_score", "bonus": "500.00",
                                            "clawback": "0.00"}}
    body = AGREEMENT | {"cofinancer_id": funder.organisation_id, "indicators": indicators, "payment_rules": [rule]}
    per_client = {"kind": "per_client_outcome", "params": {"indicator": "staff_wellbeing_score",
                                                           "price_per_client": "10.00"}}
    refused = http.post("/api/v1/agreements", headers=admin.headers, json=body | {"payment_rules": [per_client]})
    assert refused.status_code == 422 and set(refused.json["errors"]) == {"payment_rules.0.params.indicator"}
    created = http.post("/api/v1/agreements", headers=admin.headers, json=body)
    assert created.status_code == 201, created.json
    agreement = accept(http, admin, funder, created.json["id"])
    with clock_set_to(moment("2026-09-15")):
        for n in range(5):
            assert answer(http, world.person(f"diet{n}", "dietitian"), "dietitian", answers(4)).status_code == 201
    statement = http.post(f"/api/v1/agreements/{agreement['id']}/settlements", headers=funder.headers,
                          json={"period": "2026Q3"})
    assert statement.status_code == 201, statement.json
    (line,) = statement.json["lines"]
    assert (line["kind"], line["amount"]) == ("threshold", "500.00")  # 4.00 meets the target of 3
    verification = http.get(f"/api/v1/settlements/{statement.json['id']}/verification", headers=funder.headers)
    assert verification.json["matches"] is True
