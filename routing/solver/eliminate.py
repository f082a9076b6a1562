"""Fewer routes on a large day: a short route's stops are fitted into the routes nearest it.

Why: re-solving groups of routes (``improve``, ``popmusic``) moves stops between routes
but hardly ever empties one - a route of ten stops with tight windows goes only when all
ten find a place at once, and every step on the way costs more. On a 1,000-stop day of
short routes (Gehring-Homberger R1_10_1) the plan kept ~102 routes where the best-known
has 95, and each route is a trip out of the depot and back. Here a route is taken out and
its stops start unserved (at their drop penalty) in an OR-Tools search over the routes
nearest to it, whose insertion operators fit them in, moving other stops to make room;
the result is kept only when every stop is served and the group costs no more.
Routes are tried from the shortest up, each once until its neighbours change; a route that holds a
stop pinned to its van stays.
"""
from __future__ import annotations

from collections.abc import Callable

from routing.matrix.base import Matrix
from routing.model import Problem
from routing.solution import Route
from routing.solver import subproblem
from routing.solver.neighbours import nearest_routes
from routing.solver.options import SolverOptions

SIZE = 100  # stops in the routes that take in the seed's
SECONDS_PER_STOP = 0.03  # the most one attempt may search, per stop in the group...
STALL_SHARE = 0.35  # ...ending sooner after this share of it without a better plan


def eliminate(problem: Problem, matrix: Matrix, routes: dict[str, Route],
              centre: Callable[[Route], tuple[float, float]], options: SolverOptions, deadline: float,
              report: Callable[[int], bool | None]) -> int:
    """Empties routes into their neighbours until ``deadline`` or every route has been
    tried; changes ``routes`` (van -> route) in place and returns the groups solved.
    ``report(groups solved)`` after each; False stops."""
    tried: set[str] = set()
    attempts = 0
    while deadline - options.clock() > 0.3 and len(routes) > 1:
        seed = _shortest_untried(problem, routes, tried)
        if seed is None:
            break
        tried.add(seed)
        group = nearest_routes(routes, centre, seed, SIZE + len(routes[seed].visits))
        others = group[1:]
        seconds = min(deadline - options.clock(), SECONDS_PER_STOP * sum(len(r.visits) for r in group))
        taken = subproblem.improve(problem, matrix, others, options, seconds, stall_s=STALL_SHARE * seconds,
                                   absorb=routes[seed].stop_ids())
        attempts += 1
        if taken is not others and cost(problem, taken) <= cost(problem, group):
            for route in group:
                del routes[route.vehicle_id]
            routes.update((r.vehicle_id, r) for r in taken if r.visits)
            tried -= {r.vehicle_id for r in group}  # their neighbours changed: they may go now
        if report(attempts) is False:
            break
    return attempts


def cost(problem: Problem, routes: list[Route]) -> int:
    """Distance and the fixed cost of the vans that leave the depot."""
    return sum(r.distance + int(problem.vehicle(r.vehicle_id).fixed_cost) for r in routes if r.visits)


def _shortest_untried(problem: Problem, routes: dict[str, Route], tried: set[str]) -> str | None:
    pinned = {s.pinned_vehicle for s in problem.stops if s.pinned_vehicle is not None}
    candidates = [v for v in routes if v not in tried and v not in pinned]
    return min(candidates, key=lambda v: (len(routes[v].visits), v), default=None)
