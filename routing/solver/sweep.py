"""Large days built sector by sector (sweep decomposition).

Why: on ~1000 stops a single OR-Tools model spends a whole minute in its first
descent, and its neighbourhood scans ignore the time limit (a 60 s limit came back
after ~80 s). Models of ~200 stops get the full guided local search in a fraction
of the time. The sectors' routes are then improved across sector borders by
``improve``.

Stops sorted by angle around the depot are cut into sectors of ``sector_size``;
each sector gets vans in proportion to its stops and time in proportion to its
size. Stops a sector cannot fit are retried with the vans left over. Pinned stops
are never swept (a pin ties a stop to a van that may belong to another sector).
"""
from __future__ import annotations

import math

from routing.matrix.base import Matrix
from routing.model import Problem, Stop
from routing.solution import Solution
from routing.solver import subproblem
from routing.solver.geometry import angle_around, angle_of
from routing.solver.options import SolverOptions


def applies(problem: Problem, options: SolverOptions) -> bool:
    stops = problem.open_stops()
    return (options.decompose_above is not None and len(stops) > options.decompose_above
            and all(s.pinned_vehicle is None for s in stops) and angle_of(problem) is not None)


def solve(problem: Problem, matrix: Matrix, options: SolverOptions) -> Solution:
    started = options.clock()
    stops = sorted(problem.open_stops(), key=angle_around(problem))
    sectors = _chunks(stops, math.ceil(len(stops) / options.sector_size))
    routes, leftovers, free, status = [], [], list(problem.vehicles), "swept"
    for k, sector in enumerate(sectors):
        share = math.ceil(len(free) * len(sector) / max(1, sum(len(s) for s in sectors[k:])))
        fleet, free = free[:share], free[share:]
        part = subproblem.solve(problem, matrix, sector, fleet, options,
                                0.9 * options.time_limit_s * len(sector) / len(stops))
        routes += part.routes
        leftovers += [s for s in sector if s.id in {d.stop_id for d in part.dropped}]
        free += [v for v in fleet if v.id not in {r.vehicle_id for r in part.routes}]
        if subproblem.report(options, started, k + 1) is False:
            status = "cancelled"  # the sectors not reached are reported as dropped
            break
    if leftovers and status != "cancelled":
        left = options.time_limit_s - (options.clock() - started)
        routes += subproblem.solve(problem, matrix, leftovers, free, options, max(0.2, left)).routes
    return subproblem.merge(problem, matrix, routes, status, len(sectors), options.clock() - started)


def _chunks(items: list[Stop], parts: int) -> list[list[Stop]]:
    size = math.ceil(len(items) / parts)
    return [items[i:i + size] for i in range(0, len(items), size)]
