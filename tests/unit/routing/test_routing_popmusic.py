"""Large days (above ``decompose_above`` stops) are improved a route and its nearest
routes at a time (``routing.solver.popmusic``). Short limits on Solomon's 100 stops with
the threshold lowered to 50: what the benchmark's 1,000 stops do, in seconds."""
from __future__ import annotations

import math
from dataclasses import replace

from routing.checker import check
from routing.solver import SolverOptions, popmusic, solve, sweep


def _options(**fields) -> SolverOptions:
    return SolverOptions(**{"time_limit_s": 1, "decompose_above": 50, "sector_size": 35,
                            "balance_per_second": 0, "preference_penalty": 0, "cpu_time": True} | fields)


def test_the_threshold_decides_which_days_are_large(c101, first_customers):
    assert popmusic.applies(c101.problem, _options())
    assert not popmusic.applies(first_customers(c101, 50).problem, _options())
    assert not popmusic.applies(c101.problem, _options(decompose_above=None))


def test_a_poor_first_plan_is_improved_and_stays_feasible(c101):
    options = _options()
    first = sweep.solve(c101.problem, c101.matrix, replace(options, time_limit_s=0.2, metaheuristic="GREEDY_DESCENT"))
    assert check(c101.problem, c101.matrix, first) == [] and not first.dropped
    better = popmusic.improve(c101.problem, c101.matrix, first, options, options.clock() + 1)
    assert check(c101.problem, c101.matrix, better) == []
    assert sorted(s for r in better.routes for s in r.stop_ids()) == sorted(s.id for s in c101.problem.stops)
    assert better.distance < first.distance
    assert better.solutions_found > first.solutions_found  # the groups re-solved are counted


def test_a_group_is_the_seed_route_and_the_routes_nearest_to_it(c101):
    plan = sweep.solve(c101.problem, c101.matrix, _options(time_limit_s=0.5))
    routes = {r.vehicle_id: r for r in plan.routes}
    centre = popmusic.centres(c101.problem)
    seed = plan.routes[0].vehicle_id
    group = popmusic.nearest_routes(routes, centre, seed, 30)
    assert group[0].vehicle_id == seed
    assert len(group) >= popmusic.MIN_ROUTES and sum(len(r.visits) for r in group) >= 30
    farthest_in = max(math.dist(centre(routes[seed]), centre(r)) for r in group)
    outside = [r for r in plan.routes if r not in group]
    assert all(math.dist(centre(routes[seed]), centre(r)) >= farthest_in for r in outside)


def test_a_large_day_through_solve_is_swept_then_improved_within_its_limit(c101):
    seen = []
    solution = solve(c101.problem, c101.matrix, _options(progress=seen.append))
    assert solution.status == "swept" and not solution.dropped
    assert check(c101.problem, c101.matrix, solution) == []
    assert seen[-1].fraction == 1.0 and solution.seconds <= 1.5
    fractions = [p.fraction for p in seen]
    assert fractions.count(1.0) == 1  # the end of the windows is not the end of the solve


def test_pinned_stops_keep_their_van_through_the_improvement(c101):
    pins = {"20": "v2", "24": "v2", "67": "v5"}
    stops = [replace(s, pinned_vehicle=pins[s.id]) if s.id in pins else s for s in c101.problem.stops]
    problem = replace(c101.problem, stops=stops)
    solution = solve(problem, c101.matrix, _options(time_limit_s=1.5))
    assert check(problem, c101.matrix, solution) == []
    on = {s: r.vehicle_id for r in solution.routes for s in r.stop_ids()}
    assert {s: on.get(s) for s in pins} == pins
