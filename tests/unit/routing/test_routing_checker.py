"""The checker catches each kind of infeasibility on its own."""
from __future__ import annotations

from dataclasses import replace

from routing.checker import check
from routing.solution import DroppedStop
from tools.bench.routing.runner import solution_of

REFERENCE_ROUTE = [5, 3, 7, 8, 10, 11, 9, 6, 4, 2, 1, 75]  # first route of C101.sol


def test_a_feasible_route_with_the_rest_dropped_passes(c101):
    solution = solution_of(c101, [REFERENCE_ROUTE])  # every other customer listed as dropped
    assert check(c101.problem, c101.matrix, solution) == []


def test_an_unserved_stop_is_reported(c101):
    solution = solution_of(c101, [REFERENCE_ROUTE])
    solution.dropped = []
    faults = check(c101.problem, c101.matrix, solution)
    assert any("neither visited nor dropped" in f for f in faults)


def test_a_stop_visited_twice_is_reported(c101):
    solution = solution_of(c101, [REFERENCE_ROUTE, [5]])
    assert any("visited 2 times" in f for f in check(c101.problem, c101.matrix, solution))


def test_a_late_arrival_is_reported(c101):
    solution = solution_of(c101, [list(reversed(REFERENCE_ROUTE))])
    assert any("outside its time windows" in f for f in check(c101.problem, c101.matrix, solution))


def test_an_overloaded_van_is_reported(c101):
    solution = solution_of(c101, [list(range(1, 31))])  # 30 customers, far over 200
    assert any("capacity 200" in f for f in check(c101.problem, c101.matrix, solution))


def test_times_faster_than_the_matrix_are_reported(c101):
    solution = solution_of(c101, [REFERENCE_ROUTE])
    route = solution.routes[0]
    route.visits[1] = replace(route.visits[1], eta=route.visits[0].departure)  # teleport
    assert any("cannot reach 3" in f for f in check(c101.problem, c101.matrix, solution))


def test_a_wrong_distance_or_load_is_reported(c101):
    solution = solution_of(c101, [REFERENCE_ROUTE])
    solution.routes[0].distance += 1
    solution.routes[0].visits[0] = replace(solution.routes[0].visits[0], load_kg=0)
    faults = check(c101.problem, c101.matrix, solution)
    assert any("reported distance" in f for f in faults) and any("load reported" in f for f in faults)


def test_a_done_stop_planned_again_is_reported(c101):
    stops = [replace(s, done=True) if s.id == "5" else s for s in c101.problem.stops]
    problem = replace(c101.problem, stops=stops)
    solution = solution_of(c101, [REFERENCE_ROUTE])
    solution.dropped = [DroppedStop(s.id, "") for s in problem.open_stops() if s.id not in map(str, REFERENCE_ROUTE)]
    assert check(problem, c101.matrix, solution) == ["done stop 5 planned again"]
