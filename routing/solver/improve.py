"""Improves a plan by re-solving small groups of neighbouring routes (a route-based
large neighbourhood search, in the spirit of POPMUSIC).

Why: guided local search on a whole day stalls in one deep basin; re-solving ~30
stops at a time from their current routes, with the window sliding round the
depot, keeps finding moves across routes that the big model no longer tries.
Routes are ordered by the angle of their centre; each group is a run of
consecutive routes holding at least ``group_size`` stops; the window advances by
half a group so every border is crossed. OR-Tools never returns worse than the
routes it starts from, so each step keeps or improves the plan. Dropped stops stay
dropped (their reasons were given by the construction).
"""
from __future__ import annotations

from routing.matrix.base import Matrix
from routing.model import Problem
from routing.solution import Route, Solution
from routing.solver import subproblem
from routing.solver.geometry import angle_around, angle_of, mean_angle
from routing.solver.options import SolverOptions

SECONDS_PER_STOP = 0.02  # time to re-solve a group, per stop in it...
ROUNDS = 2  # ...but short enough for this many rounds over the whole day
MIN_ROUTES = 3  # fewer leaves too little to exchange on days of few long routes


def group_size(problem: Problem, options: SolverOptions) -> int:
    """Stops per group: ``options.group_size``, else a fifth of the day within 30..200."""
    return options.group_size or max(30, min(200, len(problem.open_stops()) // 5))


def applies(problem: Problem, options: SolverOptions) -> bool:
    return (options.stall_share is not None and len(problem.open_stops()) >= 2 * group_size(problem, options)
            and angle_of(problem) is not None)


def improve(problem: Problem, matrix: Matrix, plan: Solution, options: SolverOptions, deadline: float,
            last: bool = True) -> Solution:
    """``last``: no more work follows, so the end is reported as done."""
    started = options.clock() - plan.seconds
    ordered, start, steps = _by_angle(problem, plan.routes), 0, 0
    size, total = group_size(problem, options), max(1, sum(len(r.visits) for r in plan.routes))
    round_share = (deadline - options.clock()) / (2 * ROUNDS * total)  # groups overlap by half
    while deadline - options.clock() > 0.3 and len(ordered) > 1:
        end, stops = start, 0
        while end < len(ordered) and (stops < size or end - start < MIN_ROUTES):
            stops, end = stops + len(ordered[end].visits), end + 1
        seconds = min(deadline - options.clock(), max(0.3, min(SECONDS_PER_STOP, round_share) * stops))
        better = subproblem.improve(problem, matrix, ordered[start:end], options, seconds)
        ordered[start:end] = better
        steps += 1
        if subproblem.report(options, started, plan.solutions_found + steps) is False:
            break
        start += max(1, (end - start) // 2)
        if start >= len(ordered) - 1:  # a round is done: re-sort, shift the borders by one route
            ordered = _by_angle(problem, ordered)
            ordered = ordered[steps % len(ordered):] + ordered[:steps % len(ordered)]
            start = 0
    subproblem.report(options, started, plan.solutions_found + steps, done=last)
    return Solution(ordered, plan.dropped, None, plan.status, plan.solutions_found + steps,
                    round(options.clock() - started, 3))


def _by_angle(problem: Problem, routes: list[Route]) -> list[Route]:
    angle, by_id = angle_around(problem), {s.id: s for s in problem.stops}
    return sorted(routes, key=lambda r: mean_angle([angle(by_id[s]) for s in r.stop_ids()]))
