"""Contract simulation in exact cents: every draw's line is whole cents as a statement pays
it, and the distribution's figures are Decimal euros (a draw's own amount for a percentile),
so 0.10 + 0.20 is 0.30 and a price of 33.33 per client is never 33.329999…"""
from __future__ import annotations

from decimal import Decimal

import numpy as np

from nutriplat.indicators.domain import simulation as sim

SHARE = sim.Indicator("risk_improved_3m", 40.0, True, 100.0, True, 1.0, 45.0)
SCENARIO = sim.Scenario(cohort_size=97, expected_improvement=0.1, spread=0.05, months=3)
RULES = [
    {"position": 1, "kind": "per_client_outcome", "params": {"indicator": "risk_improved_3m",
                                                             "price_per_client": "33.33", "cap": "1000.01"}},
    {"position": 2, "kind": "threshold", "params": {"indicator": "risk_improved_3m", "bonus": "0.20",
                                                    "clawback": "0.00", "floor": None}},
    {"position": 3, "kind": "start_budget", "params": {"amount": "0.10"}},
]


def test_every_line_is_whole_cents_and_the_total_their_exact_sum():
    paid = sim.payments(RULES, {"risk_improved_3m": SHARE}, SCENARIO, draws=500, seed=7)
    assert all(values.dtype == np.int64 for values in paid.values())
    per_client = paid["1:per_client_outcome"]
    assert set((per_client % 3333)[per_client < 100_001].tolist()) == {0}  # n × 33.33, below the cap
    assert per_client.max() <= 100_001
    assert set(paid["2:threshold"].tolist()) <= {0, 20} and set(paid["3:start_budget"].tolist()) == {10}
    assert (paid["total"] == paid["1:per_client_outcome"] + paid["2:threshold"] + 10).all()


def test_the_distribution_is_exact_decimal_euros_and_each_percentile_a_drawn_amount():
    paid = sim.payments(RULES, {"risk_improved_3m": SHARE}, SCENARIO, draws=500, seed=7)
    found = sim.summary(paid["total"])
    assert all(isinstance(v, Decimal) and v.as_tuple().exponent == -2 for v in found.values())
    drawn = {sim.euros(c) for c in paid["total"].tolist()}
    assert {found["p10"], found["p50"], found["p90"], found["min"], found["max"]} <= drawn
    assert found["mean"] == (Decimal(int(paid["total"].sum())) / 500 / 100).quantize(Decimal("0.01"))
    assert sim.summary(np.array([10, 20], dtype=np.int64))["mean"] == Decimal("0.15")
    assert sim.summary(sim.payments(RULES[2:], {}, SCENARIO, 3, 1)["total"])["p50"] == Decimal("0.10")
    assert sim.payments(RULES, {"risk_improved_3m": SHARE}, SCENARIO, 500, 7)["total"].tolist() == \
        paid["total"].tolist()  # same seed, same draws
