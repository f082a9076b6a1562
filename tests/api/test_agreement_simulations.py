"""Contract simulation: a version's payment rules over scenario draws (p10/p50/p90, each
party's risk, each dial's effect; a fixed seed gives the same distribution twice) or over
the agreement's past periods, settled on paper from their suppressed frozen reports."""
from __future__ import annotations

import pytest

from tests.api.indicators_pilot import agreement, parties, pilot

__all__ = ["agreement", "parties", "pilot"]  # fixtures

pytestmark = pytest.mark.business_day("2026-12-07")


def simulate(http, who, agreement_id, **body):
    # In 2026Q2 nobody had a 3-month follow-up yet: its baseline is given
    body.setdefault("baselines", {"risk_improved_3m": 50})
    return http.post(f"/api/v1/agreements/{agreement_id}/simulations", headers=who.headers, json=body)


def test_a_simulation_with_a_fixed_seed_gives_the_same_distribution_twice(http, parties, agreement):
    admin, funder, _ = parties
    first = simulate(http, funder, agreement["id"], draws=500, seed=7, cohort_size=200,
                     expected_improvement=0.1, spread=0.1)
    assert first.status_code == 200, first.json
    again = simulate(http, admin, agreement["id"], draws=500, seed=7, cohort_size=200,
                     expected_improvement=0.1, spread=0.1)
    assert again.json == first.json
    found = first.json
    assert float(found["p10"]) <= float(found["p50"]) <= float(found["p90"])
    assert [line["rule"] for line in found["lines"]] == [
        "1:per_client_outcome", "2:threshold", "3:shared_savings", "4:start_budget"]
    assert found["lines"][3]["p50"] == "10000.00"  # the start budget, paid with the first settlement
    assert set(found["risk"]) == {"cofinancer", "provider"}
    assert 0 <= found["risk"]["provider"]["probability_of_clawback"] <= 1
    assert [row["dial"] for row in found["sensitivity"]] == ["cohort_size", "expected_improvement", "spread"]
    assert found["sensitivity"][0]["low"]["value"] == 160 and found["sensitivity"][0]["high"]["value"] == 240
    assert sum(found["histogram"]["counts"]) == 500
    other = simulate(http, funder, agreement["id"], draws=500, seed=8, cohort_size=200,
                     expected_improvement=0.1, spread=0.1).json
    assert other["p50"] != found["p50"] or other["p90"] != found["p90"]


def test_more_improvement_pays_more_per_improved_client(http, parties, agreement):
    funder = parties[1]
    low = simulate(http, funder, agreement["id"], draws=300, seed=1, expected_improvement=-0.2).json
    high = simulate(http, funder, agreement["id"], draws=300, seed=1, expected_improvement=0.3).json
    assert float(high["lines"][0]["p50"]) >= float(low["lines"][0]["p50"])


def test_past_periods_are_settled_on_paper_from_the_released_figures_only(http, parties, agreement):
    funder = parties[1]
    found = simulate(http, funder, agreement["id"], source="past_periods")
    assert found.status_code == 200, found.json
    assert found.json["periods"] == [{"period": "2026Q3", "total": "24650.00"}]  # as the statement will be
    assert found.json["p50"] == "24650.00"
    assert http.get(f"/api/v1/agreements/{agreement['id']}/settlements", headers=funder.headers).json == []


def test_a_simulation_is_refused_for_strangers_bad_dials_and_a_baseline_nobody_knows(http, parties, agreement):
    _, funder, other = parties
    assert simulate(http, other, agreement["id"]).status_code == 404
    unknown = simulate(http, funder, agreement["id"], baselines={})
    assert unknown.status_code == 422 and list(unknown.json["errors"]) == ["baselines.risk_improved_3m"]
    bad = simulate(http, funder, agreement["id"], draws=0, spread=-1)
    assert bad.status_code == 422 and {"draws", "spread"} <= set(bad.json["errors"])
