"""Turns a Problem and a Matrix into an OR-Tools routing model.

Node 0 is the depot; node k is the k-th open stop. Done stops are left out: the
re-optimisation of a day plans only what is still to be delivered.
"""
from __future__ import annotations

import numpy as np
from ortools.constraint_solver import pywrapcp

from routing.matrix.base import Matrix
from routing.model import Problem, Stop
from routing.solver import costs, dimensions
from routing.solver.context import Built
from routing.solver.options import SolverOptions


def build(problem: Problem, matrix: Matrix, options: SolverOptions) -> Built:
    stops = problem.open_stops()
    index = problem.stop_index()
    nodes = [0] + [index[s.id] for s in stops]
    if matrix.size != len(problem.stops) + 1:
        raise ValueError(f"matrix is {matrix.size} square, problem has {len(problem.stops) + 1} places")
    manager = pywrapcp.RoutingIndexManager(len(nodes), len(problem.vehicles), 0)
    built = Built(
        problem, stops,
        np.asarray(matrix.distance)[np.ix_(nodes, nodes)],
        np.asarray(matrix.duration)[np.ix_(nodes, nodes)],
        manager, pywrapcp.RoutingModel(manager), options, _horizon(problem, stops),
    )
    costs.add_arc_costs(built)
    dimensions.add_capacities(built)
    dimensions.add_time(built)
    dimensions.add_pinned_order(built)
    costs.add_fixed_costs(built)
    costs.add_balance(built)
    costs.add_pins_and_drops(built)
    return built


def _horizon(problem: Problem, stops: list[Stop]) -> int:
    """Latest moment anything can happen: time dimension capacity."""
    ends = [v.shift_end for v in problem.vehicles] + [w.end for s in stops for w in s.windows()]
    return int(max([problem.horizon, *ends]))
