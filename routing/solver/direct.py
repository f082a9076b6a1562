"""Solves a whole problem as one OR-Tools model."""
from __future__ import annotations

from dataclasses import replace

from routing.matrix.base import Matrix
from routing.model import Problem
from routing.solution import Solution
from routing.solver.build import build
from routing.solver.extract import solution_from, unsolved
from routing.solver.options import SolverOptions
from routing.solver.search import STATUS, run


def solve(problem: Problem, matrix: Matrix, options: SolverOptions,
          initial_routes: list[list[str]] | None = None, stall_s: float | None = None) -> Solution:
    """``initial_routes``: stop ids per vehicle (in vehicle order) to start the search from;
    ``stall_s``: stop early after that long without improvement."""
    started = options.clock()
    built = build(problem, matrix, options)
    built.options = replace(options, time_limit_s=max(0.05, options.time_limit_s - (options.clock() - started)))
    nodes = None
    if initial_routes is not None:
        node_of = {s.id: k for k, s in enumerate(built.stops, start=1)}
        nodes = [[node_of[s] for s in route] for route in initial_routes]
    assignment, monitor = run(built, nodes, stall_s)
    status = STATUS.get(built.routing.status(), "unknown")
    seconds = options.clock() - started
    if assignment is None:
        return unsolved(built, matrix, status, seconds)
    return solution_from(built, matrix, assignment, status, monitor.found, seconds)


__all__ = ["solve"]
