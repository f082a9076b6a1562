"""Solves one benchmark instance with a solver and scores it with the checker."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

from routing.checker import check
from routing.solution import DroppedStop, Solution, build_route
from routing.solver import SolverOptions, solve
from tools.bench.routing.instances import Instance, cost

# A solver for the comparison: (instance, seconds) -> customer numbers per route.
RouteSolver = Callable[[Instance, float], list[list[int]]]


@dataclass
class Result:
    instance: str
    solver: str
    cost: float | None
    gap_percent: float | None
    seconds: float
    routes: list[list[int]]
    violations: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"instance": self.instance, "cost": self.cost, "gap_percent": self.gap_percent,
                "seconds": self.seconds, "routes": self.routes}


def ortools_options(seconds: float, cpu_time: bool = False) -> SolverOptions:
    """The DIMACS objective: distance only, so no balance or preference terms."""
    return SolverOptions(time_limit_s=seconds, balance_per_second=0, preference_penalty=0, cpu_time=cpu_time)


def solve_ortools(instance: Instance, seconds: float, cpu_time: bool = False) -> Solution:
    return solve(instance.problem, instance.matrix, ortools_options(seconds, cpu_time))


def run(instance: Instance, seconds: float, solver: str = "ortools", solve_routes: RouteSolver | None = None,
        cpu_time: bool = False) -> Result:
    """Solve and score. Other solvers' routes are rebuilt and checked the same way,
    so every cost in the report is measured by one ruler. ``seconds`` in the result
    is wall-clock time, also when the limit was counted in CPU time."""
    started = time.monotonic()
    if solve_routes is None:
        solution = solve_ortools(instance, seconds, cpu_time)
    else:
        numbers = solve_routes(instance, seconds)
        solution = solution_of(instance, numbers)
    return score(instance, solution, solver, time.monotonic() - started)


def solution_of(instance: Instance, numbers: list[list[int]]) -> Solution:
    """Routes given as customer numbers -> a Solution on the instance's vehicles."""
    vehicles = instance.problem.vehicles
    routes = [build_route(instance.problem, instance.matrix, vehicles[k].id, [str(n) for n in route])
              for k, route in enumerate(r for r in numbers if r)]
    served = {s for r in routes for s in r.stop_ids()}
    dropped = [DroppedStop(s.id, "not served") for s in instance.problem.stops if s.id not in served]
    return Solution(routes, dropped)


def score(instance: Instance, solution: Solution, solver: str, seconds: float) -> Result:
    violations = check(instance.problem, instance.matrix, solution)
    value = cost(instance, solution.distance)
    gap = round(100 * (value - instance.bks) / instance.bks, 2) if instance.bks else None
    routes = [[instance.number(s) for s in r.stop_ids()] for r in solution.routes]
    return Result(instance.name, solver, value, gap, round(seconds, 2), routes, violations,
                  [d.stop_id for d in solution.dropped])
