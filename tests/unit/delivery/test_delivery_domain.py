"""Pure delivery calculations: a stop's demand, clock times, re-timing a route with a
break, the route map."""
from __future__ import annotations

from datetime import date, time

import numpy as np

from nutriplat.delivery.domain.day_seconds import moment, readable, seconds_of
from nutriplat.delivery.domain.demand import demand_of
from nutriplat.delivery.domain.mapsvg import route_map
from nutriplat.delivery.domain.timing import timed_route
from routing import Break, Depot, Matrix, Problem, Solution, Stop, TimeWindow, Vehicle, check

H = 3600


def test_a_mixed_delivery_splits_its_litres_by_storage_class():
    need = demand_of([("frozen", 0.45, 2), ("chilled", 0.3, 1), ("ambient", 0.5, 1), ("frozen", 0.45, 1)])
    assert (need.frozen_l, need.chilled_l, need.ambient_l) == (1.35, 0.3, 0.5)
    assert need.litres == need.kg == 2.15 and need.storage_class == "frozen"
    assert demand_of([]).storage_class == "ambient" and demand_of([("chilled", 1, 1)]).storage_class == "chilled"


def test_clock_times_read_as_people_read_them():
    assert seconds_of(time(9, 30)) == 34_200
    assert moment(date(2026, 7, 1), 34_200).isoformat() == "2026-07-01T09:30:00+02:00"
    assert moment(date(2026, 12, 1), 34_200).isoformat() == "2026-12-01T09:30:00+01:00"
    assert moment(date(2026, 12, 1), None) is None
    assert readable("Van 1: serves stop 3 at 41400, outside its time windows") == (
        "Van 1: serves stop 3 at 11:30, outside its time windows")
    assert readable("Van 1: cannot reach the depot by 61200") == "Van 1: cannot reach the depot by 17:00"


def line_problem(breaks=()) -> tuple[Problem, Matrix]:
    """Three stops on a line, 20 minutes apart, windows from 9:00 to 17:00."""
    stops = [Stop(f"s{k}", x=k, y=0, service_time=600, time_windows=(TimeWindow(9 * H, 17 * H),)) for k in (1, 2, 3)]
    vehicle = Vehicle("van", shift_start=8 * H, shift_end=18 * H, breaks=tuple(breaks))
    coords = np.array([0, 1, 2, 3])
    hops = np.abs(coords[:, None] - coords[None, :])
    return Problem(Depot(x=0, y=0), [vehicle], stops), Matrix(hops * 10_000, hops * 1_200)


def test_a_route_without_breaks_is_timed_as_early_as_its_windows_allow():
    problem, matrix = line_problem()
    route, faults = timed_route(problem, matrix, "van", ["s1", "s2", "s3"])
    assert faults == [] and [v.eta for v in route.visits] == [9 * H, 9 * H + 1800, 9 * H + 3600]
    assert route.start == 9 * H - 1200 and route.distance == 60_000


def test_a_break_is_placed_where_the_route_stays_feasible():
    problem, matrix = line_problem([Break(9 * H + 900, 9 * H + 1000, 1800)])
    route, faults = timed_route(problem, matrix, "van", ["s1", "s2", "s3"])
    assert faults == [] and len(route.breaks) == 1
    assert 9 * H + 900 <= route.breaks[0].start <= 9 * H + 1000
    assert check(problem, matrix, Solution([route], [])) == []


def test_an_impossible_order_comes_back_with_the_checkers_reasons():
    problem, matrix = line_problem()
    late = Stop("late", x=3, y=0, time_windows=(TimeWindow(8 * H, 8 * H + 60),))
    problem = Problem(problem.depot, problem.vehicles, [*problem.stops[:2], late])
    _route, faults = timed_route(problem, matrix, "van", ["s1", "s2", "late"])
    assert any("outside its time windows" in f for f in faults)
    empty, none = timed_route(problem, matrix, "van", [])
    assert empty.visits == [] and none == []


def test_the_map_fits_the_route_in_its_box_with_north_up():
    drawing = route_map((50.9465, 3.1228), [(50.99, 3.12), (50.90, 3.20)], width=400, height=300, margin=20)
    assert drawing.depot.label == "D" and [p.label for p in drawing.stops] == ["1", "2"]
    points = [drawing.depot, *drawing.stops]
    assert all(20 <= p.x <= 380 and 20 <= p.y <= 280 for p in points)
    assert drawing.stops[0].y < drawing.depot.y < drawing.stops[1].y  # further north is higher up
    assert drawing.path.count(" ") == 3
    alone = route_map((50.0, 3.0), [])  # a depot alone: no division by a zero span
    assert alone.stops == [] and alone.depot.x == 30
