"""Benchmark of contract simulation (issue 21): an agreement with every payment model
(per-client outcome, threshold bonus/clawback, shared savings with a quality gate, start
budget) simulated over 1,000 scenario draws for a cohort of 10,000 clients, with the
sensitivity of every dial (each dial moved down and up: six more runs). Target ≤ 10 s.
Prints its figures as JSON, with the machine's load average (the timing depends on it).

    python -m tools.bench.indicators_simulation [--draws 1000] [--clients 10000]"""
from __future__ import annotations

import argparse
import json
import os
import time

from nutriplat.indicators.domain import simulation as sim

RULES = [
    {"position": 1, "kind": "per_client_outcome",
     "params": {"indicator": "risk_improved_3m", "price_per_client": "150.00", "cap": "600000.00"}},
    {"position": 2, "kind": "threshold",
     "params": {"indicator": "meals_mostly_eaten", "bonus": "2500.00", "clawback": "1000.00", "floor": "45"}},
    {"position": 3, "kind": "shared_savings",
     "params": {"expected_cost_per_client_month": "650.00", "share": "0.5", "cost_per_admission": "3500.00",
                "quality_indicators": ["meals_mostly_eaten"], "cap": "2500000.00"}},
    {"position": 4, "kind": "start_budget", "params": {"amount": "10000.00"}},
]
RUNS = 7  # the payments, then each of the three dials moved down and up
GOAL_S = 10
INDICATORS = {
    "risk_improved_3m": sim.Indicator("risk_improved_3m", 35.0, True, 100.0, True, 0.4, 30.0),
    "meals_mostly_eaten": sim.Indicator("meals_mostly_eaten", 58.0, True, 100.0, False, 1.0, 60.0),
    "cost_per_client_month": sim.Indicator("cost_per_client_month", 610.0, False, 1.0, False, 1.0, 450.0),
    "hospital_admissions": sim.Indicator("hospital_admissions", 6.0, False, 100.0, False, 1.0, 5.0),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=10_000)
    args = parser.parse_args()
    scenario = sim.Scenario(args.clients, 0.08, 0.05, 3)
    started = time.perf_counter()
    paid = sim.payments(RULES, INDICATORS, scenario, args.draws, seed=21)
    sim.sensitivity(RULES, INDICATORS, scenario, args.draws, seed=21)
    elapsed = time.perf_counter() - started
    summary = sim.summary(paid["total"])
    print(json.dumps({
        "benchmark": "indicators_simulation", "draws": args.draws, "clients": args.clients, "runs": RUNS,
        "seconds": round(elapsed, 3), "seconds_per_run": round(elapsed / RUNS, 3), "goal_s": GOAL_S,
        "met": elapsed <= GOAL_S, "payment": {name: float(round(summary[name], 2)) for name in ("p10", "p50", "p90")},
        "load_average": [round(x, 2) for x in os.getloadavg()]}, indent=2))

if __name__ == "__main__":
    main()
