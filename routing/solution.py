"""What a solve returns: routes with timed visits and loads, and the stops left out."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from itertools import pairwise

from routing.matrix.base import Matrix
from routing.model import Problem


@dataclass(frozen=True)
class Visit:
    """A stop on a route. ``eta`` is when service starts (after any wait for the
    window); the load is what is still on board after the delivery."""

    stop_id: str
    eta: int
    departure: int
    load_litres: float
    load_kg: float


@dataclass(frozen=True)
class BreakSlot:
    start: int
    duration: int


@dataclass
class Route:
    vehicle_id: str
    visits: list[Visit]
    start: int  # leaves the depot
    end: int  # back at the depot
    distance: int
    breaks: list[BreakSlot] = field(default_factory=list)

    @property
    def duration(self) -> int:
        return self.end - self.start

    def stop_ids(self) -> list[str]:
        return [v.stop_id for v in self.visits]


@dataclass(frozen=True)
class DroppedStop:
    stop_id: str
    reason: str


@dataclass
class Solution:
    routes: list[Route]  # used vehicles only
    dropped: list[DroppedStop]
    objective: int | None = None
    status: str = "unknown"
    solutions_found: int = 0
    seconds: float = 0.0

    @property
    def distance(self) -> int:
        return sum(r.distance for r in self.routes)

    @property
    def duration(self) -> int:
        return sum(r.duration for r in self.routes)

    def to_dict(self) -> dict:
        """Plain JSON-ready form for a service to store or return."""
        return {**asdict(self), "distance": self.distance, "duration": self.duration}


def build_route(
    problem: Problem,
    matrix: Matrix,
    vehicle_id: str,
    stop_ids: Sequence[str],
    etas: Sequence[int] | None = None,
    start: int | None = None,
    end: int | None = None,
    breaks: Sequence[BreakSlot] = (),
) -> Route:
    """A route from a visit order, with loads and distance worked out.

    Without ``etas`` the earliest schedule is computed: leave at shift start,
    drive, wait for a window to open (breaks are not placed - give times for
    vehicles with breaks). The start is then moved as late as the first ETA allows,
    so the route's duration does not count a wait at the first door.
    """
    vehicle = problem.vehicle(vehicle_id)
    index, by_id = problem.stop_index(), {s.id: s for s in problem.stops}
    path = [0] + [index[s] for s in stop_ids] + [0]
    travel = [int(matrix.duration[a, b]) for a, b in pairwise(path)]
    distance = sum(int(matrix.distance[a, b]) for a, b in pairwise(path))
    if etas is None:
        etas = _earliest_etas(problem, vehicle.shift_start if start is None else start, travel, stop_ids)
    departures = [eta + by_id[s].service_time for eta, s in zip(etas, stop_ids, strict=True)]
    if start is None:
        before_first = sum(b.duration for b in breaks if etas and b.start < etas[0])
        start = max(vehicle.shift_start, etas[0] - travel[0] - before_first) if etas else vehicle.shift_start
    if end is None:
        after_last = sum(b.duration for b in breaks if departures and b.start >= departures[-1])
        end = (departures[-1] if departures else start) + travel[-1] + after_last
    on_board_l = sum(by_id[s].demand_litres for s in stop_ids)
    on_board_kg = sum(by_id[s].demand_kg for s in stop_ids)
    visits = []
    for stop_id, eta, departure in zip(stop_ids, etas, departures, strict=True):
        on_board_l -= by_id[stop_id].demand_litres
        on_board_kg -= by_id[stop_id].demand_kg
        visits.append(Visit(stop_id, int(eta), int(departure), round(on_board_l, 6), round(on_board_kg, 6)))
    return Route(vehicle_id, visits, int(start), int(end), distance, list(breaks))


def _earliest_etas(problem: Problem, start: int, travel: list[int], stop_ids: Sequence[str]) -> list[int]:
    by_id = {s.id: s for s in problem.stops}
    etas, clock = [], start
    for leg, stop_id in zip(travel, stop_ids, strict=False):  # travel has one leg more: the way back
        stop = by_id[stop_id]
        arrival = clock + leg
        window = next((w for w in stop.windows() if w.end >= arrival), None)
        eta = max(arrival, window.start) if window else arrival  # late: the checker will say so
        etas.append(eta)
        clock = eta + stop.service_time
    return etas
