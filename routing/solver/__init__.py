"""The OR-Tools solver: ``solve(problem, matrix, options) -> Solution``."""
from __future__ import annotations

from dataclasses import replace

from routing.matrix.base import Matrix
from routing.model import Problem
from routing.solution import Solution
from routing.solver.options import Progress, ProgressCallback, SolverOptions

SWEEP_SHARE = 0.5  # of the time, for building a large day sector by sector


def solve(problem: Problem, matrix: Matrix, options: SolverOptions | None = None) -> Solution:
    """Plan the open stops of ``problem`` on ``matrix`` within the time limit.

    First plan: one OR-Tools model, or - above ``decompose_above`` stops - sector by
    sector in half the time (``sweep``). On days of at least two groups the model's
    search ends when it stalls, and ``improve`` re-solves groups of neighbouring
    routes for the time left; above ``decompose_above`` stops ``popmusic`` does, each
    group a route and the routes nearest to it.
    """
    from routing.solver import direct, improve, popmusic, sweep  # import OR-Tools on first use only

    options = options or SolverOptions()
    watch = _Cancellable(options.progress)
    options = replace(options, progress=watch if options.progress else None)
    started = options.clock()
    budget = options.time_limit_s - min(0.5, 0.02 * options.time_limit_s)  # room to extract
    improving = improve.applies(problem, options)
    if sweep.applies(problem, options):
        share = SWEEP_SHARE if improving else 1.0
        first = sweep.solve(problem, matrix, replace(options, time_limit_s=share * budget,
                                                     progress=_scaled(options.progress, share)))
    else:
        stall = options.stall_share * budget if improving and options.stall_share is not None else None
        first = direct.solve(problem, matrix, replace(options, time_limit_s=budget), stall_s=stall)
    if not improving or watch.cancelled:
        return first
    improver = popmusic if popmusic.applies(problem, options) else improve
    return improver.improve(problem, matrix, first, options, started + budget)


class _Cancellable:
    """Remembers that the caller's progress callback asked to stop."""

    def __init__(self, progress: ProgressCallback | None):
        self.progress, self.cancelled = progress, False

    def __call__(self, report: Progress) -> bool | None:
        answer = self.progress(report) if self.progress else None
        self.cancelled = self.cancelled or answer is False
        return answer


def _scaled(progress: ProgressCallback | None, share: float) -> ProgressCallback | None:
    """The first plan's progress as a share of the whole solve's."""
    if progress is None:
        return None
    return lambda p: progress(replace(p, fraction=p.fraction * share))


__all__ = ["Progress", "ProgressCallback", "SolverOptions", "solve"]
