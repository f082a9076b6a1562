"""The problem a day of deliveries poses: one depot, a fleet of vans, the stops.

Units, everywhere in this package:
- time: integer seconds from the start of the planning day (00:00 local time); a
  window (3600, 7200) is 01:00-02:00. Durations are seconds too.
- distance: integer metres (the benchmark uses tenths of a distance unit instead;
  the solver only needs integers).
- demand and capacity: litres and kilograms, floats; the solver rounds demands up
  and capacities down so its integer model never accepts an overload.
- cost: one unit is one metre driven; fixed vehicle costs and penalties are in the
  same unit so they trade off against distance directly.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

DAY_SECONDS = 24 * 3600


class StorageClass(str, Enum):  # noqa: UP042  (a StrEnum would change str() of a member)
    """How a delivery must be kept cold on the van."""

    FROZEN = "frozen"
    CHILLED = "chilled"
    AMBIENT = "ambient"


class ProblemError(ValueError):
    """The problem cannot be planned as stated (missing coordinates, bad windows...)."""


@dataclass(frozen=True)
class TimeWindow:
    """When service at a stop may start: start <= service start <= end."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ProblemError(f"time window ends before it starts: {self.start}-{self.end}")


@dataclass(frozen=True)
class Break:
    """A driver break that must start within [earliest_start, latest_start]."""

    earliest_start: int
    latest_start: int
    duration: int


@dataclass(frozen=True)
class Depot:
    """Where every van starts and ends; give lat/lon (real map) or x/y (plane)."""

    id: str = "depot"
    lat: float | None = None
    lon: float | None = None
    x: float | None = None
    y: float | None = None


@dataclass(frozen=True)
class Vehicle:
    """A van and its driver for the day.

    ``frozen_litres`` is the freezer compartment: None means frozen goods share the
    general space without a separate limit, 0 means the van has no freezer.
    ``chilled_litres`` is the chilled compartment, in the same way.
    """

    id: str
    capacity_litres: float = float("inf")
    capacity_kg: float = float("inf")
    shift_start: int = 0
    shift_end: int = DAY_SECONDS
    breaks: tuple[Break, ...] = ()
    fixed_cost: int = 0
    driver_id: str | None = None
    frozen_litres: float | None = None
    chilled_litres: float | None = None


@dataclass(frozen=True)
class Stop:
    """One delivery. Coordinates as lat/lon or x/y, matching the matrix provider.

    ``preferred_vehicle``/``last_driver_id`` name who served the client last time
    (soft preference). ``pinned_vehicle`` forces the van; ``pinned_sequence`` orders
    the stops pinned to the same van (other stops may come between them).
    ``done`` stops are already delivered: a re-optimisation leaves them out.
    ``drop_penalty`` overrides the solver's default cost of leaving the stop unplanned.
    ``frozen_demand``/``chilled_demand`` split a mixed delivery (frozen mains, chilled
    soups): the litres of ``demand_litres`` that need the freezer or the chilled space;
    None takes all or nothing of it by ``storage_class``.
    """

    id: str
    lat: float | None = None
    lon: float | None = None
    x: float | None = None
    y: float | None = None
    demand_litres: float = 0.0
    demand_kg: float = 0.0
    time_windows: tuple[TimeWindow, ...] = ()
    service_time: int = 0
    storage_class: StorageClass = StorageClass.AMBIENT
    preferred_vehicle: str | None = None
    last_driver_id: str | None = None
    pinned_vehicle: str | None = None
    pinned_sequence: int | None = None
    done: bool = False
    drop_penalty: int | None = None
    frozen_demand: float | None = None
    chilled_demand: float | None = None

    def windows(self) -> tuple[TimeWindow, ...]:
        """The windows, or the whole day when none were given."""
        return self.time_windows or (TimeWindow(0, DAY_SECONDS),)

    def frozen_litres(self) -> float:
        if self.frozen_demand is not None:
            return self.frozen_demand
        return self.demand_litres if self.storage_class == StorageClass.FROZEN else 0.0

    def chilled_litres(self) -> float:
        if self.chilled_demand is not None:
            return self.chilled_demand
        return self.demand_litres if self.storage_class == StorageClass.CHILLED else 0.0

    def prefers(self, vehicle: Vehicle) -> bool:
        """True when the stop has no preference or the vehicle is the preferred one."""
        if self.preferred_vehicle is None and self.last_driver_id is None:
            return True
        return (self.preferred_vehicle is not None and self.preferred_vehicle == vehicle.id) or (
            self.last_driver_id is not None and self.last_driver_id == vehicle.driver_id
        )


@dataclass
class Problem:
    """A day to plan. Matrix index 0 is the depot, index i+1 is ``stops[i]``."""

    depot: Depot
    vehicles: list[Vehicle]
    stops: list[Stop]
    name: str = "day"
    horizon: int = field(default=DAY_SECONDS)

    def __post_init__(self) -> None:
        ids = [s.id for s in self.stops]
        if len(set(ids)) != len(ids):
            raise ProblemError("stop ids must be unique")
        vids = [v.id for v in self.vehicles]
        if len(set(vids)) != len(vids):
            raise ProblemError("vehicle ids must be unique")
        if not self.vehicles:
            raise ProblemError("a problem needs at least one vehicle")
        known = set(vids)
        for stop in self.stops:
            if stop.pinned_vehicle is not None and stop.pinned_vehicle not in known:
                raise ProblemError(f"stop {stop.id} is pinned to unknown vehicle {stop.pinned_vehicle}")

    def open_stops(self) -> list[Stop]:
        """The stops still to be delivered."""
        return [s for s in self.stops if not s.done]

    def vehicle(self, vehicle_id: str) -> Vehicle:
        return next(v for v in self.vehicles if v.id == vehicle_id)

    def stop_index(self) -> dict[str, int]:
        """Stop id -> matrix index."""
        return {s.id: i + 1 for i, s in enumerate(self.stops)}
