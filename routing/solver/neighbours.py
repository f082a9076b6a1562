"""Which routes lie near each other: the groups ``popmusic`` and ``eliminate`` re-solve."""
from __future__ import annotations

import math
from collections.abc import Callable

from routing.model import Problem
from routing.solution import Route
from routing.solver.geometry import position_of

MIN_ROUTES = 3  # fewer leaves too little to exchange


def centres(problem: Problem) -> Callable[[Route], tuple[float, float]]:
    """Route -> the mean position of its stops."""
    position, by_id = position_of(problem), {s.id: s for s in problem.stops}
    if position is None:
        raise ValueError("the stops have no coordinates to place routes by")

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
