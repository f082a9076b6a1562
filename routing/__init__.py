"""Delivery route optimisation on OR-Tools. Pure: no Flask, no database.

Typical use::

    from routing import Problem, SolverOptions, default_provider, matrix_for, solve, check
    matrix = matrix_for(problem, default_provider(osrm_url=None))
    solution = solve(problem, matrix, SolverOptions(time_limit_s=30, progress=report))
    assert not check(problem, matrix, solution)

Units (seconds from the start of the day, metres, litres, kg) are in ``routing.model``.
"""
from routing.checker import check
from routing.matrix import (
    EuclideanProvider,
    HaversineProvider,
    Matrix,
    MatrixError,
    OsrmProvider,
    default_provider,
    matrix_for,
)
from routing.model import Break, Depot, Problem, ProblemError, Stop, StorageClass, TimeWindow, Vehicle
from routing.solution import BreakSlot, DroppedStop, Route, Solution, Visit, build_route
from routing.solver import Progress, SolverOptions, solve

__all__ = [
    "Break", "BreakSlot", "Depot", "DroppedStop", "EuclideanProvider", "HaversineProvider", "Matrix",
    "MatrixError", "OsrmProvider", "Problem", "ProblemError", "Progress", "Route", "Solution",
    "SolverOptions", "Stop", "StorageClass", "TimeWindow", "Vehicle", "Visit", "build_route", "check",
    "default_provider", "matrix_for", "solve",
]
