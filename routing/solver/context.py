"""The OR-Tools model under construction, shared by the modules that add to it."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from ortools.constraint_solver import pywrapcp

from routing.model import Problem, Stop
from routing.solver.options import SolverOptions


@dataclass
class Built:
    problem: Problem
    stops: list[Stop]  # node k = stops[k - 1]
    distance: np.ndarray  # over nodes
    duration: np.ndarray
    manager: pywrapcp.RoutingIndexManager
    routing: pywrapcp.RoutingModel
    options: SolverOptions
    horizon: int = 0
    time: pywrapcp.RoutingDimension | None = None
    breaks: dict[int, list] = field(default_factory=dict)  # vehicle -> interval vars

    @property
    def time_dimension(self) -> pywrapcp.RoutingDimension:
        """The time dimension, once ``dimensions`` has added it."""
        if self.time is None:
            raise RuntimeError("the time dimension is not built yet")
        return self.time

    def index_of(self, node: int) -> int:
        return self.manager.NodeToIndex(node)
