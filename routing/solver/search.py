"""Runs the OR-Tools search with a time limit and reports progress on the way."""
from __future__ import annotations

from typing import Any

from ortools.constraint_solver import pywrapcp, routing_enums_pb2
from ortools.util import optional_boolean_pb2

from routing.solver.context import Built
from routing.solver.options import Progress

# OR-Tools' RoutingSearchStatus as short words: "success" = found, time limit reached.
STATUS = {number: name.removeprefix("ROUTING_").lower().replace("partial_success_local_optimum_not_reached",
                                                               "partial_success")
          for name, number in routing_enums_pb2.RoutingSearchStatus.Value.items()}


# Heuristic large-neighbourhood operators that re-insert whole paths (or serve visit
# types, which no model here has). Each call may run up to 0.1 s, and every local
# optimum of the guided local search scans them all: with them on, a 100-stop day
# gets a half to a third of the moves per CPU second (R201: 480 v 930 solutions in
# 4 s) and R2-type days stall in one basin. The operators that bring dropped stops
# back stay on. Measured in docs/routing.md.
SLOW_OPERATORS = (
    "use_global_cheapest_insertion_path_lns", "use_local_cheapest_insertion_path_lns",
    "use_global_cheapest_insertion_visit_types_lns", "use_local_cheapest_insertion_visit_types_lns",
    "use_shortest_path_two_opt",
)
# A step of the deterministic clock is a solution found, or this many dead ends met (the
# search's failures): a search stuck without solutions (one stop, windows so tight no
# move fits) still moves the clock on, and a demo day meets about as many per solution.
DEAD_ENDS_PER_STEP = 1000
CPU_TIME_SLACK = 20  # cpu_time, steps_per_second: OR-Tools' own wall-clock limit only guards against a hang


def parameters(built: Built) -> Any:  # RoutingSearchParameters
    options = built.options
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = getattr(routing_enums_pb2.FirstSolutionStrategy, options.first_solution)
    params.local_search_metaheuristic = getattr(routing_enums_pb2.LocalSearchMetaheuristic, options.metaheuristic)
    params.guided_local_search_lambda_coefficient = options.gls_lambda
    for operator in SLOW_OPERATORS:
        setattr(params.local_search_operators, operator, optional_boolean_pb2.BOOL_FALSE)
    wall = options.time_limit_s * (CPU_TIME_SLACK if options.self_timed else 1)
    params.time_limit.FromMilliseconds(max(1, int(wall * 1000)))
    if options.deterministic:
        # Also a wall-clock limit (0.1 s by default): the sub-searches that set a solution's
        # times (with the span cost and breaks, an LP or a small MIP) and the LNS operators'.
        # Cut short on a busy machine, they reject a solution an idle one accepts.
        params.lns_time_limit.FromMilliseconds(max(1, int(wall * 1000)))
    params.log_search = options.log_search
    return params


class ProgressMonitor:
    """Called by OR-Tools at each solution the search accepts; forwards Progress, and
    stops the search when the callback says so or when it has stalled."""

    def __init__(self, built: Built, stall_s: float | None = None):
        self.built = built
        self.stall_s = stall_s
        self.started = self.improved = self.built.options.clock()
        self.found = 0
        self.best: int | None = None
        self.stopped = False  # by this monitor: a stall, the budget spent, or a cancel
        # The deterministic clock counts steps (see DEAD_ENDS_PER_STEP): the same every run.
        self.budget = self.built.options.steps_in(self.built.options.time_limit_s)
        self.first_step = self.built.options.work.steps
        self.first_failure = self.built.routing.solver().Failures()

    def __call__(self) -> None:
        self.found += 1
        self._count_steps()
        cost = int(self.built.routing.CostVar().Value())
        if self.best is None or cost < self.best:
            self.best, self.improved = cost, self.built.options.clock()
        stalled = self.stall_s is not None and self.built.options.clock() - self.improved > self.stall_s
        # On CPU time or counted solutions OR-Tools' wall-clock limit is far off: the limit is kept here.
        spent = self.built.options.self_timed and self.elapsed() >= self.built.options.time_limit_s
        if self._report(min(1.0, self.elapsed() / self.built.options.time_limit_s)) is False or stalled or spent:
            self.stopped = True
            self.built.routing.solver().FinishCurrentSearch()

    def _count_steps(self) -> None:
        failures = self.built.routing.solver().Failures() - self.first_failure
        self.built.options.work.steps = self.first_step + self.found + failures // DEAD_ENDS_PER_STEP

    def elapsed(self) -> float:
        return self.built.options.clock() - self.started

    def finish(self) -> None:
        """Done: 1.0, unless a stall ended it and more work follows. A search that ended
        by itself is charged its whole budget on the deterministic clock, which must
        move on even when a search finds no solution."""
        work = self.built.options.work
        if self.built.options.deterministic and not self.stopped:
            work.steps = max(work.steps, self.first_step + self.budget)
        self._report(1.0 if self.stall_s is None else min(1.0, self.elapsed() / self.built.options.time_limit_s))

    def _report(self, fraction: float) -> bool | None:
        callback = self.built.options.progress
        if callback is None:
            return None
        return callback(Progress(fraction, self.found, self.best, round(self.elapsed(), 3)))


def run(built: Built, initial_routes: list[list[int]] | None = None,
        stall_s: float | None = None) -> tuple[Any, ProgressMonitor]:
    """Solve; returns (assignment or None, monitor). ``initial_routes`` are node lists per
    vehicle; ``stall_s`` ends the search after that long without a better solution."""
    monitor = ProgressMonitor(built, stall_s)
    built.routing.AddAtSolutionCallback(monitor)
    if built.options.deterministic:  # ends a search stuck without solutions on the same clock
        built.routing.AddSearchMonitor(built.routing.solver().FailuresLimit(monitor.budget * DEAD_ENDS_PER_STEP))
    params = parameters(built)
    if initial_routes is not None:
        built.routing.CloseModelWithParameters(params)
        start = built.routing.ReadAssignmentFromRoutes(
            [[built.index_of(n) for n in route] for route in initial_routes], True)
        assignment = built.routing.SolveFromAssignmentWithParameters(start, params) if start else None
    else:
        assignment = built.routing.SolveWithParameters(params)
    monitor.finish()
    return assignment, monitor
