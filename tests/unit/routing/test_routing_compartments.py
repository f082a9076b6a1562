"""Freezer and chilled compartments with mixed deliveries (frozen mains and chilled
soups at one door): each compartment limits its own litres."""
from __future__ import annotations

import numpy as np

from routing import Depot, Matrix, Problem, SolverOptions, Stop, StorageClass, Vehicle, build_route, check, solve


def mixed_day(chilled_litres: float) -> tuple[Problem, Matrix]:
    stops = [Stop(f"s{k}", x=k, y=0, demand_litres=1.5, frozen_demand=0.9, chilled_demand=0.6,
                  storage_class=StorageClass.FROZEN) for k in (1, 2, 3)]
    van = Vehicle("van", capacity_litres=100, frozen_litres=10, chilled_litres=chilled_litres)
    coords = np.array([0, 1, 2, 3])
    hops = np.abs(coords[:, None] - coords[None, :]) * 1000
    return Problem(Depot(x=0, y=0), [van], stops), Matrix(hops, hops // 10)


def test_a_split_stop_counts_each_part_in_its_compartment():
    stop = mixed_day(10)[0].stops[0]
    assert (stop.frozen_litres(), stop.chilled_litres()) == (0.9, 0.6)
    plain = Stop("p", demand_litres=2.0, storage_class=StorageClass.CHILLED)
    assert (plain.frozen_litres(), plain.chilled_litres()) == (0.0, 2.0)


def test_the_chilled_space_limits_the_route_and_the_checker_says_so():
    problem, matrix = mixed_day(1.3)  # room for two soups of 0.6 l
    solution = solve(problem, matrix, SolverOptions(time_limit_s=1))
    assert len(solution.dropped) == 1 and check(problem, matrix, solution) == []
    assert "chilled" in solution.dropped[0].reason or "fit the day" in solution.dropped[0].reason
    overfull = build_route(problem, matrix, "van", ["s1", "s2", "s3"])
    faults = check(problem, matrix, type(solution)([overfull], []))
    assert any("chilled space holds 1.3 L" in f for f in faults)
