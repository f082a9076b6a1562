"""A part of a problem (some stops, some vans) solved on its own, and the parts merged."""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from routing.diagnose import drop_reason
from routing.matrix.base import Matrix
from routing.model import Problem, Stop, Vehicle
from routing.solution import DroppedStop, Route, Solution
from routing.solver import direct
from routing.solver.options import Progress, SolverOptions


def restrict(problem: Problem, matrix: Matrix, stops: list[Stop], vehicles: list[Vehicle]) -> tuple[Problem, Matrix]:
    """The sub-problem over ``stops`` and ``vehicles``, with its slice of the matrix."""
    index = problem.stop_index()
    nodes = [0] + [index[s.id] for s in stops]
    part = Problem(problem.depot, vehicles, stops, problem.name, problem.horizon)
    return part, Matrix(matrix.distance[np.ix_(nodes, nodes)], matrix.duration[np.ix_(nodes, nodes)])


def solve(problem: Problem, matrix: Matrix, stops: list[Stop], vehicles: list[Vehicle],
          options: SolverOptions, seconds: float) -> Solution:
    if not stops or not vehicles:
        return Solution([], [DroppedStop(s.id, "") for s in stops])
    part, sub_matrix = restrict(problem, matrix, stops, vehicles)
    return direct.solve(part, sub_matrix, _quiet(options, seconds))


def improve(problem: Problem, matrix: Matrix, routes: list[Route], options: SolverOptions,
            seconds: float, stall_s: float | None = None) -> list[Route]:
    """Re-solve these routes' stops on their vans, starting from the routes themselves.
    OR-Tools never returns worse than its start, so the new plan is kept unless it
    failed to serve every stop (e.g. the start could not be read back). ``stall_s`` ends
    the search sooner, after that long without a better plan."""
    by_id = {s.id: s for s in problem.stops}
    stops = [by_id[s] for r in routes for s in r.stop_ids()]
    vehicles = [problem.vehicle(r.vehicle_id) for r in routes]
    part, sub_matrix = restrict(problem, matrix, stops, vehicles)
    result = direct.solve(part, sub_matrix, _quiet(options, seconds), [r.stop_ids() for r in routes],
                          stall_s)
    return routes if result.dropped else result.routes


def merge(problem: Problem, matrix: Matrix, routes: list[Route], status: str, parts: int, seconds: float) -> Solution:
    """Routes of the parts as one solution of the whole, dropped stops explained anew."""
    served = {s for r in routes for s in r.stop_ids()}
    dropped = [DroppedStop(s.id, drop_reason(problem, matrix, s)) for s in problem.open_stops() if s.id not in served]
    return Solution(routes, dropped, None, status, parts, round(seconds, 3))


def report(options: SolverOptions, started: float, parts_done: int, done: bool = False) -> bool | None:
    """Progress of a solve made of parts: share of the time used, parts solved so far.
    Returns the callback's answer: False means stop."""
    if options.progress is None:
        return None
    used = options.clock() - started
    fraction = 1.0 if done else min(1.0, used / options.time_limit_s)
    return options.progress(Progress(fraction, parts_done, None, round(used, 3)))


def _quiet(options: SolverOptions, seconds: float) -> SolverOptions:
    """Options for a part: its own time share, no progress reporting of its own."""
    return replace(options, time_limit_s=max(0.1, seconds), progress=None)
