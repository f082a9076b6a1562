"""Item 7 of issue 21 continued: the staff survey as an indicator definition, so that an
agreement's report row (and a payment rule on it) reads staff wellbeing with the same
small-cell suppression; a definition mixing staff and clients is refused when saved."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

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


def test_the_built_in_staff_indicator_gives_the_old_summarys_numbers_for_every_period(http, world, parties, pilot):
    """The twelve became thirteen: ``staff_wellbeing`` is a catalogue row, and the summary reads
    through it. Both, and the old formula (respondents; Σ scores ÷ respondents, half up), agree."""
    admin, funder, _ = parties
    built_in = [d for d in http.get(PATH, headers=admin.headers).json if d["code"] == "staff_wellbeing"]
    assert [(d["built_in"], d["dimension"], d["disaggregations"]) for d in built_in] == [
        (True, "staff_wellbeing", ["staff_group"])]
    indicators = [*AGREEMENT["indicators"], {"code": "staff_wellbeing", "target": "3.5"}]
    created = http.post("/api/v1/agreements", headers=admin.headers,
                        json=AGREEMENT | {"cofinancer_id": funder.organisation_id, "indicators": indicators})
    assert created.status_code == 201, created.json
    agreement = accept(http, admin, funder, created.json["id"])
    given = {"2026Q2": {"dietitian": [5, 4, 4, 3, 5, 4, 2], "driver": [3, 3, 4, 2, 5], "kitchen": [1, 2]},
             "2026Q3": {"dietitian": [4, 4, 4, 4, 5, 3], "driver": [2, 3, 2], "kitchen": [5, 4, 4, 3, 3, 2]}}
    for quarter, day in (("2026Q2", "2026-05-20"), ("2026Q3", "2026-08-20")):
        with clock_set_to(moment(day)):
            for group, scores in given[quarter].items():
                role = "dietitian" if group == "dietitian" else "logistics"
                for n, score in enumerate(scores):
                    who = world.person(f"{group}{n}", role) if quarter == "2026Q2" else world.person(
                        f"{group}{n}b", role)
                    assert answer(http, who, group, answers(score)).status_code == 201
    for quarter in given:
        summary = http.get(f"/api/v1/agreements/{agreement['id']}/staff-wellbeing", headers=funder.headers,
                           query_string={"period": quarter}).json["rows"]
        rows = {tuple(r["disaggregation"].values()): r for r in report(http, funder, agreement["id"],
                                                                        period=quarter).json["rows"]
                if r["indicator"] == "staff_wellbeing" and r["period"] == quarter}
        for row in summary:
            cell = rows[() if row["staff_group"] is None else (row["staff_group"],)]
            assert row["suppressed"] == cell["suppressed"]
            if row["suppressed"]:
                continue
            scores = [s for g, group_scores in given[quarter].items() for s in group_scores
                      if row["staff_group"] in (None, g)]
            old_mean = None if not scores else str((Decimal(sum(scores)) / len(scores)).quantize(
                Decimal("0.01"), rounding=ROUND_HALF_UP))
            assert (row["respondents"], row["mean_score"]) == (len(scores), old_mean)
            assert cell["denominator"] == len(scores)
            assert (None if cell["value"] is None else f"{Decimal(str(cell['value'])):.2f}") == old_mean
    q3 = {r["staff_group"]: r for r in http.get(f"/api/v1/agreements/{agreement['id']}/staff-wellbeing",
                                                headers=funder.headers, query_string={"period": "2026Q3"}).json["rows"]}
    assert q3["driver"]["suppressed"] and not q3["kitchen"]["suppressed"]  # three drivers: hidden with another
