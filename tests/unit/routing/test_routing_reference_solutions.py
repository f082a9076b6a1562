"""The shipped best-known solutions reproduce their bks.csv costs under our checker:
the DIMACS convention (truncated distances, waiting allowed) is implemented right."""
from __future__ import annotations

from pathlib import Path

import pytest
import vrplib

from routing.checker import check
from tools.bench.routing.instances import cost, load
from tools.bench.routing.runner import solution_of

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"
SOLUTIONS = sorted(DATA.glob("solomon/*.sol")) + sorted(DATA.glob("homberger/*.sol"))


@pytest.mark.skipif(not SOLUTIONS, reason="benchmark data not found")
@pytest.mark.parametrize("sol", SOLUTIONS, ids=lambda p: p.stem)
def test_reference_solution_is_feasible_and_costs_its_bks(sol: Path):
    instance_file = next(sol.with_suffix(ext) for ext in (".txt", ".vrp") if sol.with_suffix(ext).is_file())
    instance = load(instance_file)
    reference = vrplib.read_solution(str(sol))
    # .sol files number customers by position (depot 0); the file's own numbers start at first_number.
    numbers = [[c + instance.first_number for c in route] for route in reference["routes"]]
    solution = solution_of(instance, numbers)
    assert check(instance.problem, instance.matrix, solution) == []
    assert not solution.dropped
    assert cost(instance, solution.distance) == pytest.approx(instance.bks, abs=0.05)
    assert cost(instance, solution.distance) == pytest.approx(reference["cost"], abs=0.05)
