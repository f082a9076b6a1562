"""Runs the OR-Tools search with a time limit and reports progress on the way."""
from __future__ import annotations

import time

from ortools.constraint_solver import pywrapcp, routing_enums_pb2

from routing.solver.context import Built
from routing.solver.options import Progress

# OR-Tools' RoutingSearchStatus as short words: "success" = found, time limit reached.
STATUS = {number: name.removeprefix("ROUTING_").lower().replace("partial_success_local_optimum_not_reached",
                                                               "partial_success")
          for name, number in routing_enums_pb2.RoutingSearchStatus.Value.items()}


def parameters(built: Built):
    options = built.options
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = getattr(routing_enums_pb2.FirstSolutionStrategy, options.first_solution)
    params.local_search_metaheuristic = getattr(routing_enums_pb2.LocalSearchMetaheuristic, options.metaheuristic)
    params.time_limit.FromMilliseconds(max(1, int(options.time_limit_s * 1000)))
    params.log_search = options.log_search
    return params


class ProgressMonitor:
    """Called by OR-Tools at each solution the search accepts; forwards Progress, and
    stops the search when the callback says so or when it has stalled."""

    def __init__(self, built: Built, stall_s: float | None = None):
        self.built = built
        self.stall_s = stall_s
        self.started = self.improved = time.monotonic()
        self.found = 0
        self.best: int | None = None

    def __call__(self) -> None:
        self.found += 1
        cost = int(self.built.routing.CostVar().Value())
        if self.best is None or cost < self.best:
            self.best, self.improved = cost, time.monotonic()
        stalled = self.stall_s is not None and time.monotonic() - self.improved > self.stall_s
        if self._report(min(1.0, self.elapsed() / self.built.options.time_limit_s)) is False or stalled:
            self.built.routing.solver().FinishCurrentSearch()

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def finish(self) -> None:
        """Done: 1.0, unless a stall ended it and more work follows."""
        self._report(1.0 if self.stall_s is None else min(1.0, self.elapsed() / self.built.options.time_limit_s))

    def _report(self, fraction: float) -> bool | None:
        callback = self.built.options.progress
        if callback is None:
            return None
        return callback(Progress(fraction, self.found, self.best, round(self.elapsed(), 3)))


def run(built: Built, initial_routes: list[list[int]] | None = None, stall_s: float | None = None):
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
