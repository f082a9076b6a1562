"""Times a visit order by hand (a stop moved by the dispatcher), breaks included.

``routing.build_route`` times a sequence but places no breaks; here every way of
putting each break on one leg of the route is tried (a van has one break, so that is
legs + 1 tries), each timed as early as possible and judged by ``routing.check``; the
feasible timing that is back soonest wins, else the one with the fewest faults."""
from __future__ import annotations

from itertools import combinations_with_replacement, pairwise

import numpy as np

from routing import Break, BreakSlot, Matrix, Problem, Route, Solution, Vehicle, build_route, check

MAX_TRIES = 2_000  # enough for two breaks on a 60-stop route


def timed_route(problem: Problem, matrix: Matrix, vehicle_id: str, stop_ids: list[str]) -> tuple[Route, list[str]]:
    """The best timing of ``stop_ids`` on the van, and the faults the checker finds in it."""
    vehicle = problem.vehicle(vehicle_id)
    if not stop_ids:
        return Route(vehicle_id, [], vehicle.shift_start, vehicle.shift_start, 0), []
    sub_problem, sub_matrix = _route_only(problem, matrix, vehicle_id, stop_ids)
    if not vehicle.breaks:
        route = build_route(sub_problem, sub_matrix, vehicle_id, stop_ids)
        return route, check(sub_problem, sub_matrix, Solution([route], []))
    best: tuple[tuple[int, int], Route, list[str]] | None = None
    legs = range(len(stop_ids) + 1)
    breaks = sorted(vehicle.breaks, key=lambda b: b.earliest_start)
    for n, placement in enumerate(combinations_with_replacement(legs, len(breaks))):
        if n >= MAX_TRIES:
            break
        route = _timed(sub_problem, sub_matrix, vehicle_id, stop_ids, list(zip(placement, breaks, strict=True)))
        faults = check(sub_problem, sub_matrix, Solution([route], []))
        score = (len(faults), route.end)
        if best is None or score < best[0]:
            best = (score, route, faults)
    assert best is not None
    return best[1], best[2]


def _timed(problem: Problem, matrix: Matrix, vehicle_id: str, stop_ids: list[str],
           placed: list[tuple[int, Break]]) -> Route:
    """Leave at shift start; on each leg take the breaks placed there as soon as they may
    start, then drive, then wait for the window."""
    vehicle = problem.vehicle(vehicle_id)
    by_id, index = {s.id: s for s in problem.stops}, problem.stop_index()
    path = [0] + [index[s] for s in stop_ids] + [0]
    clock, etas, slots = vehicle.shift_start, list[int](), list[BreakSlot]()
    for leg, (a, b) in enumerate(pairwise(path)):
        departure, rest, rest_end = clock, 0, clock
        for _, rule in (p for p in placed if p[0] == leg):
            start = max(rest_end, rule.earliest_start)
            slots.append(BreakSlot(start, rule.duration))
            rest, rest_end = rest + rule.duration, start + rule.duration
        arrival = max(departure + int(matrix.duration[a, b]) + rest, rest_end)
        if leg == len(stop_ids):
            return build_route(problem, matrix, vehicle_id, stop_ids, etas=etas, start=_start(vehicle, etas, slots,
                               int(matrix.duration[0, path[1]])), end=arrival, breaks=slots)
        stop = by_id[stop_ids[leg]]
        window = next((w for w in stop.windows() if w.end >= arrival), None)
        eta = max(arrival, window.start) if window else arrival
        etas.append(eta)
        clock = eta + stop.service_time
    raise AssertionError("unreachable")


def _start(vehicle: Vehicle, etas: list[int], slots: list[BreakSlot], first_leg: int) -> int:
    """Leave as late as the first ETA allows, unless a break comes before it."""
    if any(s.start < etas[0] for s in slots):
        return int(vehicle.shift_start)
    return int(max(vehicle.shift_start, etas[0] - first_leg))


def _route_only(problem: Problem, matrix: Matrix, vehicle_id: str, stop_ids: list[str]) -> tuple[Problem, Matrix]:
    """The problem cut down to one van and its stops, with the matching matrix."""
    index, by_id = problem.stop_index(), {s.id: s for s in problem.stops}
    nodes = [0] + [index[s] for s in stop_ids]
    sub = Problem(problem.depot, [problem.vehicle(vehicle_id)], [by_id[s] for s in stop_ids], problem.name,
                  problem.horizon)
    cut = np.ix_(nodes, nodes)
    return sub, Matrix(np.array(matrix.distance[cut]), np.array(matrix.duration[cut]))
