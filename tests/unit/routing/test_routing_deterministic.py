"""A budget counted in search steps (``steps_per_second``) instead of seconds gives the
same routes on every run, however busy the machine: what the demo and the tests rely on."""
from __future__ import annotations

import pytest

from routing.checker import check
from routing.solver import SolverOptions, solve


def _plan(solution) -> tuple:
    return tuple((r.vehicle_id, tuple(r.stop_ids())) for r in solution.routes), solution.objective


def test_the_same_day_solved_twice_on_a_step_budget_gets_the_same_routes(c101, first_customers):
    small = first_customers(c101, 25)
    first, second = (solve(small.problem, small.matrix, SolverOptions(time_limit_s=0.3, steps_per_second=300))
                     for _ in range(2))
    assert _plan(first) == _plan(second)
    assert check(small.problem, small.matrix, first) == []
    assert not first.dropped


def test_a_large_day_swept_and_improved_on_a_step_budget_is_the_same_twice(c101):
    def options() -> SolverOptions:  # sweep, a stall of the first plan, then groups improved
        return SolverOptions(time_limit_s=1, steps_per_second=300, decompose_above=50, sector_size=35,
                             group_size=30, balance_per_second=0)
    first, second = solve(c101.problem, c101.matrix, options()), solve(c101.problem, c101.matrix, options())
    assert first.status == "swept"
    assert _plan(first) == _plan(second)
    assert check(c101.problem, c101.matrix, first) == []


def test_a_search_without_further_solutions_still_spends_its_steps(day, stop, van_of):
    """One stop, one van: no move is left, so no solution comes after the first; the
    search's dead ends move the clock on, instead of OR-Tools' wall-clock guard ending it."""
    problem, matrix = day([stop("izegem")], [van_of("van1", "ann")])
    options = SolverOptions(time_limit_s=0.3, steps_per_second=300)
    solution = solve(problem, matrix, options)
    assert [r.stop_ids() for r in solution.routes] == [["izegem"]]
    assert options.work.steps == options.steps_in(0.3 - 0.02 * 0.3)  # the whole budget (less the room to extract)


def test_progress_on_a_step_budget_reaches_completion(c101, first_customers):
    small = first_customers(c101, 15)
    seen = []
    solve(small.problem, small.matrix, SolverOptions(time_limit_s=0.3, steps_per_second=300, progress=seen.append))
    assert seen and seen[-1].fraction == 1.0
    assert [p.fraction for p in seen] == sorted(p.fraction for p in seen)


def test_steps_per_second_must_be_positive():
    with pytest.raises(ValueError):
        SolverOptions(steps_per_second=0)
