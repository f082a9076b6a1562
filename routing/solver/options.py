"""Knobs of a solve, and the progress a long solve reports."""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Progress:
    """Reported at each improving solution and once at the end.

    ``fraction`` is elapsed time over the time limit (1.0 when done).
    """

    fraction: float
    solutions_found: int
    best_objective: int | None
    seconds: float


# Return False to stop the search early (e.g. a cancelled run); anything else goes on.
ProgressCallback = Callable[[Progress], "bool | None"]


@dataclass
class SolverOptions:
    """How to solve. Costs are in the objective's unit: one metre driven.

    - ``balance_per_second``: cost per second of the longest route (a soft global
      span cost), so work is spread over the vans instead of one van doing it all.
    - ``preference_penalty``: cost of serving a stop with another van than the one
      (or the driver) that served it last time.
    - ``drop_penalty``: cost of leaving a stop unplanned; None picks one higher than
      any stop could cost to serve, so stops are only dropped when they do not fit.
    - ``decompose_above``: above this many open stops the plan is built sector by
      sector (see ``sweep``); None never splits.
    - ``stall_share``: the first plan's search ends once it has gone this share of
      the time limit without a better plan; the time left goes to improving groups
      of ``group_size`` stops (None: a fifth of the day, 30 to 200; see ``improve``).
      Days smaller than two groups, or ``stall_share=None``, are one model all the time.
    - ``gls_lambda``: OR-Tools' ``guided_local_search_lambda_coefficient``, the
      weight of the arc penalties guided local search adds to escape a local optimum.
    - ``cpu_time``: count the time limit in this process's CPU seconds instead of
      wall-clock seconds. For benchmarks on a shared machine: the same limit then
      buys the same search effort whatever the load (the service keeps wall-clock).
    """

    time_limit_s: float = 10.0
    first_solution: str = "PARALLEL_CHEAPEST_INSERTION"
    metaheuristic: str = "GUIDED_LOCAL_SEARCH"
    gls_lambda: float = 0.2
    balance_per_second: int = 1
    preference_penalty: int = 2_000
    drop_penalty: int | None = None
    decompose_above: int | None = 400
    sector_size: int = 200
    stall_share: float | None = 0.2
    group_size: int | None = None
    log_search: bool = False
    cpu_time: bool = False
    progress: ProgressCallback | None = None

    def __post_init__(self) -> None:
        if not self.time_limit_s > 0:
            raise ValueError("time_limit_s must be positive")
        if self.stall_share is not None and not 0 < self.stall_share <= 1:
            raise ValueError("stall_share must be in (0, 1]")

    def clock(self) -> float:
        """Seconds on the clock the time limit is counted in."""
        return time.process_time() if self.cpu_time else time.monotonic()
