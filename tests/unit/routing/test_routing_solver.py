"""Whatever the solver returns passes the independent checker; progress is reported.
(No assertion on quality: under a 1 s limit that would flake. Quality is the
benchmark's job.)"""
from __future__ import annotations

import pytest

from routing.checker import check
from routing.solver import SolverOptions, solve


@pytest.mark.parametrize("n", [15, 25])
def test_every_solution_on_a_cut_down_c101_passes_the_checker(c101, first_customers, fast, n):
    small = first_customers(c101, n)
    solution = solve(small.problem, small.matrix, fast)
    assert check(small.problem, small.matrix, solution) == []
    assert not solution.dropped
    assert sum(len(r.visits) for r in solution.routes) == n


def test_each_other_instance_class_solves_feasibly(data_file, first_customers):
    from tools.bench.routing.instances import load
    for name in ("R101.txt", "RC201.txt"):
        small = first_customers(load(data_file("solomon", name)), 20)
        solution = solve(small.problem, small.matrix, SolverOptions(time_limit_s=1))
        assert check(small.problem, small.matrix, solution) == []


def test_progress_is_reported_up_to_completion(c101, first_customers):
    small = first_customers(c101, 15)
    seen = []
    solve(small.problem, small.matrix, SolverOptions(time_limit_s=1, progress=seen.append))
    assert seen and seen[-1].fraction == 1.0
    assert seen[-1].solutions_found >= 1 and seen[-1].best_objective is not None
    assert [p.fraction for p in seen] == sorted(p.fraction for p in seen)


def test_a_progress_callback_returning_false_stops_the_search_early(c101, first_customers):
    small = first_customers(c101, 25)
    solution = solve(small.problem, small.matrix, SolverOptions(time_limit_s=30, progress=lambda p: False))
    assert solution.seconds < 5
    assert check(small.problem, small.matrix, solution) == []


def test_a_large_day_is_built_sector_by_sector_then_improved_and_stays_feasible(c101):
    seen = []
    options = SolverOptions(time_limit_s=2, decompose_above=50, sector_size=35, group_size=30,
                            balance_per_second=0, progress=seen.append)
    solution = solve(c101.problem, c101.matrix, options)
    assert solution.status == "swept"
    assert seen[-1].fraction == 1.0 and seen[-1].solutions_found >= 3
    assert check(c101.problem, c101.matrix, solution) == []
    assert not solution.dropped
    assert solution.seconds <= 3


def test_a_time_limit_must_be_positive():
    with pytest.raises(ValueError):
        SolverOptions(time_limit_s=0)


def test_pins_and_done_stops_hold_through_the_improvement_of_a_full_day(c101):
    from dataclasses import replace
    stops = [replace(s, done=True) if s.id in ("5", "3") else
             replace(s, pinned_vehicle="v2", pinned_sequence=int(s.id)) if s.id in ("20", "24", "25") else s
             for s in c101.problem.stops]
    problem = replace(c101.problem, stops=stops)
    solution = solve(problem, c101.matrix, SolverOptions(time_limit_s=2, group_size=30, balance_per_second=0))
    assert check(problem, c101.matrix, solution) == []
    planned = {s for r in solution.routes for s in r.stop_ids()}
    assert "5" not in planned and "3" not in planned


def test_a_search_that_stops_improving_hands_over_early(c101, first_customers):
    from routing.solver import direct
    small = first_customers(c101, 25)
    solution = direct.solve(small.problem, small.matrix, SolverOptions(time_limit_s=30), stall_s=0.3)
    assert solution.seconds < 10
    assert check(small.problem, small.matrix, solution) == []


def test_stopping_through_progress_also_ends_the_improvement_of_a_full_day(c101):
    solution = solve(c101.problem, c101.matrix, SolverOptions(time_limit_s=30, progress=lambda p: False))
    assert solution.seconds < 10
    assert check(c101.problem, c101.matrix, solution) == []


def test_a_limit_in_cpu_seconds_is_kept_on_the_process_clock(c101, first_customers):
    """A CPU-time limit ends the search after that much CPU, however busy the
    machine (a wall-clock bound here would flake under load; CPU time does not)."""
    import time
    small = first_customers(c101, 25)
    options = SolverOptions(time_limit_s=0.5, cpu_time=True)
    assert options.clock() == pytest.approx(time.process_time(), abs=0.05)
    before = time.process_time()
    solution = solve(small.problem, small.matrix, options)
    assert time.process_time() - before < 3
    assert check(small.problem, small.matrix, solution) == []
    assert not solution.dropped
