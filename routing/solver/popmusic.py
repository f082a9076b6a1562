"""Improves a large day (more than ``decompose_above`` stops) by re-solving a route and
its nearest neighbours, over and over (POPMUSIC: Taillard and Voss, 2002).

Why not ``improve``'s window sliding round the depot: on a 1,000-stop day of short
routes (Gehring-Homberger R1) the routes next to each other by angle lie at different
distances from the depot, and two rounds of 200-stop windows leave most borders
between close routes untouched (R1_10_1: 5 % above best-known after 300 s). Here a
group is a seed route and the routes whose centres lie nearest to its own, ~``size``
stops in all; each group is re-solved from its current routes with a short guided
local search that ends when it stalls. A seed whose group did not change is done; the
routes of a group that changed become seeds again, so the search works where it still
pays. When every seed is done the plan is a local optimum for groups of that size, and
the groups grow by half (at most ``MAX_SIZE``) for the time left. OR-Tools never
returns worse than its start, so each step keeps or improves the plan.

The first ``WINDOW_SHARE`` of the time still goes to ``improve``'s windows: they put a
clustered day (C1_10_1) right across the sweep's sector borders, which nearest routes
alone do not (from the same plan, 30 CPU s: 0.03 % v 1.1-2.2 %); after them, nearest
routes move R1_10_1 further than either alone (60 CPU s: 5.88 % v 7.16 % and 6.46 %).
"""
from __future__ import annotations

import math
import random
from collections.abc import Callable

from routing.matrix.base import Matrix
from routing.model import Problem
from routing.solution import Route, Solution
from routing.solver import improve as window
from routing.solver import subproblem
from routing.solver.geometry import position_of
from routing.solver.options import SolverOptions

SIZE = 100  # stops per group at first (60 moved R1_10_1 less per second, see docs/routing.md)
MAX_SIZE = 200
SECONDS_PER_STOP = 0.03  # the most a group's search may run, per stop in it...
STALL_SHARE = 0.35  # ...ending sooner after this share of it without a better plan
MIN_ROUTES = 3
WINDOW_SHARE = 0.5


def applies(problem: Problem, options: SolverOptions) -> bool:
    """A large day with coordinates: a size threshold, the sweep's."""
    return (options.decompose_above is not None and len(problem.open_stops()) > options.decompose_above
            and position_of(problem) is not None)


def improve(problem: Problem, matrix: Matrix, plan: Solution, options: SolverOptions, deadline: float) -> Solution:
    """First ``WINDOW_SHARE`` of the time sliding ``improve``'s windows round the depot (what
    fixes a clustered day, C1_10_1, across the sweep's sector borders), then nearest routes."""
    plan = window.improve(problem, matrix, plan, options,
                          options.clock() + WINDOW_SHARE * (deadline - options.clock()), last=False)
    started, steps = options.clock() - plan.seconds, 0
    routes = {r.vehicle_id: r for r in plan.routes}
    centre = centres(problem)
    size, seeds = SIZE, _shuffled(routes, steps)
    while deadline - options.clock() > 0.3 and len(routes) > 1:
        if not seeds:  # a local optimum for this size: larger groups for the time left
            size, seeds = min(MAX_SIZE, size + size // 2), _shuffled(routes, steps)
        seed = seeds.pop()
        if seed not in routes:
            continue
        group = nearest_routes(routes, centre, seed, size)
        stops = sum(len(r.visits) for r in group)
        seconds = min(deadline - options.clock(), SECONDS_PER_STOP * stops)
        better = subproblem.improve(problem, matrix, group, options, seconds, stall_s=STALL_SHARE * seconds)
        steps += 1
        if _plans(better) != _plans(group):
            for route in group:
                del routes[route.vehicle_id]
            routes.update((r.vehicle_id, r) for r in better)
            changed = {r.vehicle_id for r in better}
            seeds = [v for v in seeds if v not in changed] + sorted(changed)
        if subproblem.report(options, started, plan.solutions_found + steps) is False:
            break
    subproblem.report(options, started, plan.solutions_found + steps, done=True)
    return Solution(list(routes.values()), plan.dropped, None, plan.status, plan.solutions_found + steps,
                    round(options.clock() - started, 3))


def centres(problem: Problem) -> Callable[[Route], tuple[float, float]]:
    """Route -> the mean position of its stops."""
    position, by_id = position_of(problem), {s.id: s for s in problem.stops}
    assert position is not None  # applies() checked

    def centre(route: Route) -> tuple[float, float]:
        points = [position(by_id[s]) for s in route.stop_ids()]
        return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
    return centre


def nearest_routes(routes: dict[str, Route], centre: Callable[[Route], tuple[float, float]], seed: str,
                   size: int) -> list[Route]:
    """The seed route and the routes nearest to it, until ``size`` stops and MIN_ROUTES routes."""
    here = centre(routes[seed])
    nearest = sorted(routes, key=lambda v: (math.dist(here, centre(routes[v])), v))
    group: list[Route] = []
    stops = 0
    for vehicle in nearest:
        if stops >= size and len(group) >= MIN_ROUTES:
            break
        group.append(routes[vehicle])
        stops += len(routes[vehicle].visits)
    return group


def _shuffled(routes: dict[str, Route], salt: int) -> list[str]:
    """The seeds in an order that is random but the same every run (deterministic solves)."""
    seeds = sorted(routes)
    random.Random(salt).shuffle(seeds)
    return seeds


def _plans(routes: list[Route]) -> set[tuple[str, tuple[str, ...]]]:
    return {(r.vehicle_id, tuple(r.stop_ids())) for r in routes}
