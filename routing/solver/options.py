"""Knobs of a solve, and the progress a long solve reports."""
from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field


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


class WorkCount:
    """The deterministic clock's hand: the steps the searches of a solve have taken."""

    def __init__(self) -> None:
        self.steps = 0


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
    - ``steps_per_second``: count the time limit in search steps (solutions accepted
      and dead ends met), this many to a second, instead of in seconds. OR-Tools'
      search is otherwise deterministic (one thread, fixed seeds), so the same problem
      then gets the same plan whatever the machine's load: the demo and the tests use
      it (``DETERMINISTIC_STEPS_PER_SECOND``); a planner's solve keeps wall-clock.
      The stall, the sweep's and the improvement's shares are counted on the same
      clock. A search that ends by itself is charged its whole budget, so the count
      always moves on; wall-clock only guards against a hang (``CPU_TIME_SLACK``).
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
    steps_per_second: int | None = None
    progress: ProgressCallback | None = None
    # The steps counted so far; shared by the options ``replace`` derives for the parts.
    work: WorkCount = field(default_factory=WorkCount, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.time_limit_s > 0:
            raise ValueError("time_limit_s must be positive")
        if self.stall_share is not None and not 0 < self.stall_share <= 1:
            raise ValueError("stall_share must be in (0, 1]")
        if self.steps_per_second is not None and not self.steps_per_second > 0:
            raise ValueError("steps_per_second must be positive")

    @property
    def deterministic(self) -> bool:
        return self.steps_per_second is not None

    @property
    def self_timed(self) -> bool:
        """The limit is not OR-Tools' wall clock: the search is stopped by our monitor."""
        return self.cpu_time or self.deterministic

    def clock(self) -> float:
        """Seconds on the clock the time limit is counted in."""
        if self.steps_per_second is not None:
            return self.work.steps / self.steps_per_second
        return time.process_time() if self.cpu_time else time.monotonic()

    def steps_in(self, seconds: float) -> int:
        """The steps a deterministic budget of ``seconds`` allows (at least one)."""
        return max(1, math.ceil(seconds * (self.steps_per_second or 0)))


# Steps to a second on the deterministic clock (see search.DEAD_ENDS_PER_STEP). A demo
# day (28 stops, four vans, windows and breaks) takes about 340 steps a CPU second and a
# Solomon C101 day of 30 stops 440, so a limit costs a little less CPU time than the same
# limit on the wall clock; the demo's 5 s day: 4.4 CPU s and 126 km (5 wall-clock
# seconds on an idle core: 124 km; on a loaded one, 1.8 CPU s and 133 km).
DETERMINISTIC_STEPS_PER_SECOND = 300
