"""Capacity, time and pinned-order dimensions of the routing model."""
from __future__ import annotations

import math
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from routing.model import Stop, Vehicle
from routing.solver.context import Built

SCALE = 1000  # litres -> millilitres, kg -> grams: integers for OR-Tools
NO_LIMIT = 2**40


def add_capacities(built: Built) -> None:
    """One dimension per load measure that some stop actually uses."""
    measures: list[tuple[str, Callable[[Stop], float], Callable[[Vehicle], float | None]]] = [
        ("litres", lambda s: s.demand_litres, lambda v: v.capacity_litres),
        ("kg", lambda s: s.demand_kg, lambda v: v.capacity_kg),
        ("frozen_litres", Stop.frozen_litres, lambda v: v.frozen_litres),
        ("chilled_litres", Stop.chilled_litres, lambda v: v.chilled_litres),
    ]
    for name, demand_of, capacity_of in measures:
        # Round demand up and capacity down: the integer model never hides an overload.
        demands = [0] + [math.ceil(demand_of(s) * SCALE - 1e-9) for s in built.stops]
        if not any(demands):
            continue
        capacities = [_capacity(capacity_of(v)) for v in built.problem.vehicles]
        callback = built.routing.RegisterUnaryTransitVector(demands)
        built.routing.AddDimensionWithVehicleCapacity(callback, 0, capacities, True, name)


def _capacity(value: float | None) -> int:
    if value is None or math.isinf(value):
        return NO_LIMIT
    return max(0, math.floor(value * SCALE + 1e-9))


def add_time(built: Built) -> None:
    """Travel + service time, waiting allowed; windows (several per stop), shifts, breaks."""
    routing, horizon = built.routing, built.horizon
    service = [0] + [s.service_time for s in built.stops]
    transit = built.duration + [[t] for t in service]  # time leaving i = arrival + service at i
    callback = routing.RegisterTransitMatrix(transit.tolist())
    routing.AddDimension(callback, horizon, horizon, False, "time")
    time = built.time = routing.GetDimensionOrDie("time")
    for node, stop in enumerate(built.stops, start=1):
        _set_windows(time.CumulVar(built.index_of(node)), stop)
    for v, vehicle in enumerate(built.problem.vehicles):
        for index in (routing.Start(v), routing.End(v)):
            time.CumulVar(index).SetRange(vehicle.shift_start, vehicle.shift_end)
        # Leave as late and return as early as the plan allows: honest ETAs and durations.
        routing.AddVariableMaximizedByFinalizer(time.CumulVar(routing.Start(v)))
        routing.AddVariableMinimizedByFinalizer(time.CumulVar(routing.End(v)))
    _add_breaks(built, service)


def _set_windows(cumul: Any, stop: Stop) -> None:  # an OR-Tools IntVar
    windows = sorted(stop.windows(), key=lambda w: w.start)
    cumul.SetRange(windows[0].start, max(w.end for w in windows))
    for before, after in pairwise(windows):
        if after.start > before.end + 1:
            cumul.RemoveInterval(before.end + 1, after.start - 1)


def _add_breaks(built: Built, service: list[int]) -> None:
    """Breaks may fall during driving or waiting, never during a delivery."""
    routing, solver = built.routing, built.routing.solver()
    visit_transits = [service[built.manager.IndexToNode(i)] for i in range(routing.Size())]
    for v, vehicle in enumerate(built.problem.vehicles):
        if not vehicle.breaks:
            continue
        intervals = [
            solver.FixedDurationIntervalVar(b.earliest_start, b.latest_start, b.duration, False, f"break {v}.{k}")
            for k, b in enumerate(vehicle.breaks)
        ]
        built.time_dimension.SetBreakIntervalsOfVehicle(intervals, v, visit_transits)
        built.breaks[v] = intervals


def add_pinned_order(built: Built) -> None:
    """Stops pinned to a van with a sequence number keep that relative order.

    A counting dimension numbers the visits along each route; for consecutive
    pinned stops a < b we require count(a) < count(b) whenever both are served.
    """
    pinned = sorted(((s.pinned_vehicle, s.pinned_sequence, node) for node, s in enumerate(built.stops, 1)
                     if s.pinned_vehicle is not None and s.pinned_sequence is not None))
    if not pinned:
        return
    routing, solver = built.routing, built.routing.solver()
    callback = routing.RegisterUnaryTransitVector([0] + [1] * len(built.stops))
    routing.AddDimension(callback, 0, len(built.stops) + 1, True, "visit_count")
    count = routing.GetDimensionOrDie("visit_count")
    big = len(built.stops) + 2
    for (van_a, _, a), (van_b, _, b) in pairwise(pinned):
        if van_a != van_b:
            continue
        ia, ib = built.index_of(a), built.index_of(b)
        both_off = 2 - routing.ActiveVar(ia) - routing.ActiveVar(ib)
        solver.Add(count.CumulVar(ia) + 1 <= count.CumulVar(ib) + big * both_off)
