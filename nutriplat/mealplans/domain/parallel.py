"""Solve many weekly problems on a pool of worker processes (one CP-SAT worker each).

Why spawn: a forked child would inherit the parent's database connections and any
threads OR-Tools had started. Why an initializer: every client is planned against the
same catalogue, so each worker receives it once instead of once per client."""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from typing import Any

from nutriplat.mealplans.domain.solve import SolveOptions, plan_week
from nutriplat.mealplans.domain.values import Variant, WeekPlan, WeekProblem

_shared: dict[str, Any] = {}


def solve_all(problems: Iterable[tuple[int, WeekProblem]], catalogue: tuple[Variant, ...],
              options: SolveOptions, workers: int = 2,
              progress: Callable[[int], None] = lambda _n: None) -> Iterator[tuple[int, WeekPlan]]:
    """(key, plan) for each (key, problem), in order. The problems' catalogues are replaced
    by ``catalogue``, so callers may pass them without one."""
    tasks = [(key, replace(problem, catalogue=())) for key, problem in problems]
    if workers <= 1:
        _install(catalogue, options)
        results: Iterable[tuple[int, WeekPlan]] = map(_solve, tasks)
        yield from _counted(results, progress)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_install,
                             initargs=(catalogue, options)) as pool:
        yield from _counted(pool.map(_solve, tasks, chunksize=4), progress)


def _counted(results: Iterable[tuple[int, WeekPlan]], progress: Callable[[int], None]
             ) -> Iterator[tuple[int, WeekPlan]]:
    for result in results:
        progress(1)
        yield result


def _install(catalogue: tuple[Variant, ...], options: SolveOptions) -> None:
    _shared["catalogue"], _shared["options"] = catalogue, options


def _solve(task: tuple[int, WeekProblem]) -> tuple[int, WeekPlan]:
    key, problem = task
    problem = replace(problem, catalogue=_shared["catalogue"])
    return key, plan_week(problem, _shared["options"])
