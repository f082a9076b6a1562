"""Route elimination on large days (``routing.solver.eliminate``): a short route's stops
are fitted into its neighbours. Solomon C101 (100 stops), limits of a second."""
from __future__ import annotations

from dataclasses import replace

from routing.checker import check
from routing.solution import Solution, build_route
from routing.solver import SolverOptions, eliminate, sweep
from routing.solver.neighbours import centres


def _options(**fields) -> SolverOptions:
    return SolverOptions(**{"time_limit_s": 1, "decompose_above": 50, "sector_size": 35,
                            "balance_per_second": 0, "preference_penalty": 0, "cpu_time": True} | fields)


def _split_longest(instance, plan: Solution) -> dict:
    """The plan with its longest route cut in two, the second half on a free van."""
    longest = max(plan.routes, key=lambda r: len(r.visits))
    free = next(v for v in instance.problem.vehicles if v.id not in {r.vehicle_id for r in plan.routes})
    stops = longest.stop_ids()
    half = len(stops) // 2
    routes = {r.vehicle_id: r for r in plan.routes if r is not longest}
    routes[longest.vehicle_id] = build_route(instance.problem, instance.matrix, longest.vehicle_id, stops[:half])
    routes[free.id] = build_route(instance.problem, instance.matrix, free.id, stops[half:])
    return routes


def _served(routes: dict) -> list[str]:
    return sorted(s for r in routes.values() for s in r.stop_ids())


def test_a_needless_route_is_emptied_into_its_neighbours(c101):
    options = _options()
    plan = sweep.solve(c101.problem, c101.matrix, replace(options, time_limit_s=0.5))
    routes = _split_longest(c101, plan)
    before, cost_before = len(routes), eliminate.cost(c101.problem, list(routes.values()))
    solved = eliminate.eliminate(c101.problem, c101.matrix, routes, centres(c101.problem), options,
                                 options.clock() + 1.5, lambda n: None)
    assert solved >= 1 and len(routes) < before
    assert eliminate.cost(c101.problem, list(routes.values())) <= cost_before
    assert _served(routes) == sorted(s.id for s in c101.problem.stops)
    assert check(c101.problem, c101.matrix, Solution(list(routes.values()), [])) == []


def test_a_route_with_a_pinned_stop_keeps_its_van(c101):
    options = _options()
    plan = sweep.solve(c101.problem, c101.matrix, replace(options, time_limit_s=0.5))
    routes = _split_longest(c101, plan)
    shortest = min(routes.values(), key=lambda r: (len(r.visits), r.vehicle_id))
    pinned = shortest.stop_ids()[0]
    stops = [replace(s, pinned_vehicle=shortest.vehicle_id) if s.id == pinned else s for s in c101.problem.stops]
    problem = replace(c101.problem, stops=stops)
    eliminate.eliminate(problem, c101.matrix, routes, centres(problem), options, options.clock() + 1.5,
                        lambda n: None)
    assert pinned in routes[shortest.vehicle_id].stop_ids()
    assert check(problem, c101.matrix, Solution(list(routes.values()), [])) == []


def test_a_false_progress_answer_stops_after_the_first_attempt(c101):
    options = _options()
    plan = sweep.solve(c101.problem, c101.matrix, replace(options, time_limit_s=0.5))
    routes = _split_longest(c101, plan)
    answers: list[int] = []
    solved = eliminate.eliminate(c101.problem, c101.matrix, routes, centres(c101.problem), options,
                                 options.clock() + 5, lambda n: answers.append(n) or False)
    assert solved == 1 and answers == [1]
    assert _served(routes) == sorted(s.id for s in c101.problem.stops)


def test_the_fixed_cost_of_a_van_counts_in_what_a_group_costs(c101):
    plan = sweep.solve(c101.problem, c101.matrix, _options(time_limit_s=0.5))
    vans = [replace(v, fixed_cost=1000) for v in c101.problem.vehicles]
    problem = replace(c101.problem, vehicles=vans)
    assert eliminate.cost(problem, plan.routes) == plan.distance + 1000 * len(plan.routes)
