"""Domain rules on a small Roeselare day: drops with reasons, pins, done stops,
last-driver preference, breaks, freezer space, several windows.

Every solution is also run through the independent checker.
"""
from __future__ import annotations

from routing.checker import check
from routing.diagnose import TOO_FULL
from routing.model import Break, StorageClass, TimeWindow
from routing.solver import SolverOptions, solve

VILLAGES = ["izegem", "rumbeke", "hooglede", "staden", "moorslede", "ardooie", "lichtervelde", "ingelmunster"]


def solved(problem, matrix, options):
    solution = solve(problem, matrix, options)
    assert check(problem, matrix, solution) == []
    return solution


def reasons(solution):
    return {d.stop_id: d.reason for d in solution.dropped}


def test_an_over_full_day_returns_the_best_partial_plan_naming_each_dropped_stop(day, stop, van_of, fast):
    stops = [stop(v, demand_litres=100, demand_kg=10, service_time=600) for v in VILLAGES]
    problem, matrix = day(stops, [van_of("van1", "ann", capacity_litres=300)])
    solution = solved(problem, matrix, fast)
    assert len(solution.routes[0].visits) == 3  # 300 L van, 100 L each
    assert len(solution.dropped) == 5
    assert all(r.startswith("dropped to fit the day") for r in reasons(solution).values())
    assert "exceed what the fleet carries" in next(iter(reasons(solution).values()))


def test_a_stop_no_van_can_carry_is_told_apart_from_one_dropped_for_room(day, stop, fast):
    problem, matrix = day([stop("izegem", demand_litres=900), stop("rumbeke", demand_litres=10)])
    solution = solved(problem, matrix, fast)
    assert reasons(solution) == {"izegem": "no vehicle has capacity for it (900 L, 0 kg)"}


def test_a_window_no_shift_can_reach_is_named_as_such(day, stop, hours, fast):
    problem, matrix = day([stop("torhout", time_windows=hours(5, 6)), stop("tielt", time_windows=hours(9, 12))])
    solution = solved(problem, matrix, fast)
    assert list(reasons(solution)) == ["torhout"]
    assert reasons(solution)["torhout"].startswith("time window cannot be reached")


def test_a_frozen_delivery_needs_a_van_with_freezer_space(day, stop, van_of, fast):
    fleet = [van_of("no-freezer", "ann", frozen_litres=0), van_of("freezer", "bart", frozen_litres=50)]
    stops = [stop("izegem", demand_litres=20, storage_class=StorageClass.FROZEN),
             stop("staden", demand_litres=20, storage_class=StorageClass.FROZEN),
             stop("tielt", demand_litres=20, storage_class=StorageClass.FROZEN)]
    solution = solved(*day(stops, fleet), fast)
    assert all(r.vehicle_id == "freezer" for r in solution.routes)
    assert len(solution.dropped) == 1  # 50 L freezer holds two of the three


def test_pinned_stops_ride_their_van_in_their_pinned_order(day, stop, fast):
    stops = [stop(v) for v in VILLAGES]
    stops[0] = stop("izegem", pinned_vehicle="van2", pinned_sequence=3)
    stops[5] = stop("ardooie", pinned_vehicle="van2", pinned_sequence=1)
    stops[2] = stop("hooglede", pinned_vehicle="van2", pinned_sequence=2)
    solution = solved(*day(stops), fast)
    route = next(r for r in solution.routes if r.vehicle_id == "van2")
    pinned = [s for s in route.stop_ids() if s in ("izegem", "ardooie", "hooglede")]
    assert pinned == ["ardooie", "hooglede", "izegem"]
    assert not solution.dropped


def test_reoptimising_leaves_out_stops_already_done(day, stop, fast):
    stops = [stop(v, done=v in ("staden", "izegem")) for v in VILLAGES]
    solution = solved(*day(stops), fast)
    planned = {s for r in solution.routes for s in r.stop_ids()}
    assert planned == set(VILLAGES) - {"staden", "izegem"} and not solution.dropped


def test_stops_go_with_the_driver_who_served_them_last_when_it_costs_little(day, stop):
    stops = [stop(v, last_driver_id="bart" if k % 2 else "ann") for k, v in enumerate(VILLAGES)]
    problem, matrix = day(stops)
    solution = solved(problem, matrix, SolverOptions(time_limit_s=1, preference_penalty=100_000))
    driver = {"van1": "ann", "van2": "bart"}
    assert all(s.last_driver_id == driver[r.vehicle_id]
               for r in solution.routes for s in problem.stops if s.id in r.stop_ids())


def test_a_fixed_cost_per_van_makes_one_van_do_a_small_day(day, stop, van_of):
    fleet = [van_of("van1", "ann", fixed_cost=50_000), van_of("van2", "bart", fixed_cost=50_000)]
    problem, matrix = day([stop(v) for v in VILLAGES[:4]], fleet)
    solution = solved(problem, matrix, SolverOptions(time_limit_s=1, balance_per_second=0))
    assert len(solution.routes) == 1


def test_a_driver_break_is_planned_inside_its_window_and_off_the_doorsteps(day, stop, van_of, hours, fast):
    lunch = Break(earliest_start=11 * 3600, latest_start=12 * 3600, duration=1800)
    stops = [stop(v, service_time=1200, time_windows=hours(8, 14)) for v in VILLAGES]
    fleet = [van_of("van1", "ann", breaks=(lunch,)), van_of("van2", "bart", breaks=(lunch,), fixed_cost=10**6)]
    solution = solved(*day(stops, fleet), fast)
    assert not solution.dropped and [r.vehicle_id for r in solution.routes] == ["van1"]
    (slot,) = solution.routes[0].breaks
    assert 11 * 3600 <= slot.start <= 12 * 3600 and slot.duration == 1800


def test_a_stop_with_two_windows_is_served_in_one_of_them(day, stop, fast):
    two = (TimeWindow(8 * 3600, 8 * 3600 + 900), TimeWindow(13 * 3600, 14 * 3600))
    solution = solved(*day([stop("tielt", time_windows=two), stop("izegem")]), fast)
    (visit,) = [v for r in solution.routes for v in r.visits if v.stop_id == "tielt"]
    assert any(w.start <= visit.eta <= w.end for w in two)


def test_too_full_reason_is_used_when_the_fleet_could_carry_it_all(day, stop, van_of, hours, fast):
    stops = [stop(v, service_time=3 * 3600, time_windows=hours(8, 14)) for v in VILLAGES[:4]]
    solution = solved(*day(stops, [van_of("van1", "ann")]), fast)
    assert solution.dropped and all(d.reason == TOO_FULL for d in solution.dropped)


def test_a_day_with_everything_done_gives_an_empty_plan(day, stop, fast):
    problem, matrix = day([stop("izegem", done=True)])
    solution = solved(problem, matrix, fast)
    assert solution.routes == [] and solution.dropped == []
