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
CPU_TIME_SLACK = 20  # cpu_time: OR-Tools' own wall-clock limit only guards against a hang


def parameters(built: Built) -> Any:  # RoutingSearchParameters
    options = built.options
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = getattr(routing_enums_pb2.FirstSolutionStrategy, options.first_solution)
    params.local_search_metaheuristic = getattr(routing_enums_pb2.LocalSearchMetaheuristic, options.metaheuristic)
    params.guided_local_search_lambda_coefficient = options.gls_lambda
    for operator in SLOW_OPERATORS:
        setattr(params.local_search_operators, operator, optional_boolean_pb2.BOOL_FALSE)
    wall = options.time_limit_s * (CPU_TIME_SLACK if options.cpu_time else 1)
    params.time_limit.FromMilliseconds(max(1, int(wall * 1000)))
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

    def __call__(self) -> None:
        self.found += 1
        cost = int(self.built.routing.CostVar().Value())
        if self.best is None or cost < self.best:
            self.best, self.improved = cost, self.built.options.clock()
        stalled = self.stall_s is not None and self.built.options.clock() - self.improved > self.stall_s
        # On CPU time OR-Tools' wall-clock limit is far off: the limit is kept here.
        spent = self.built.options.cpu_time and self.elapsed() > self.built.options.time_limit_s
        if self._report(min(1.0, self.elapsed() / self.built.options.time_limit_s)) is False or stalled or spent:
            self.built.routing.solver().FinishCurrentSearch()

    def elapsed(self) -> float:
        return self.built.options.clock() - self.started

    def finish(self) -> None:
        """Done: 1.0, unless a stall ended it and more work follows."""
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
