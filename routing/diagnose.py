"""Why a stop was left out of a plan, as far as can honestly be told.

A stop that no van could serve even on its own (too big, wrong window, shift too
short) is impossible; anything else was dropped because the day was too full for
the solver to fit it in the time it had.
"""
from __future__ import annotations

from routing.matrix.base import Matrix
from routing.model import Problem, Stop, Vehicle

TOO_FULL = ("dropped to fit the day: it fits a van on its own, but no route had room "
            "or time left for it in the best plan found")


def drop_reason(problem: Problem, matrix: Matrix, stop: Stop) -> str:
    """The most specific reason why ``stop`` could not be planned."""
    node = problem.stop_index()[stop.id]
    fleet = [problem.vehicle(stop.pinned_vehicle)] if stop.pinned_vehicle else problem.vehicles
    who = f"pinned vehicle {stop.pinned_vehicle}" if stop.pinned_vehicle else "no vehicle"
    roomy = [v for v in fleet if _fits(v, stop)]
    if not roomy:
        verb = "lacks" if stop.pinned_vehicle else "has"
        return f"{who} {verb} capacity for it ({_demand(stop)})"
    if not any(_reachable_alone(v, stop, matrix, node) for v in roomy):
        can = f"pinned vehicle {stop.pinned_vehicle} cannot" if stop.pinned_vehicle else "no vehicle can"
        return (f"time window cannot be reached: {can} get there within its window "
                "and be back before the end of its shift")
    return _fleet_short(problem) or TOO_FULL


def _fleet_short(problem: Problem) -> str | None:
    """A day whose orders exceed what the whole fleet can carry: name that."""
    need = [sum(s.demand_litres for s in problem.open_stops()), sum(s.demand_kg for s in problem.open_stops())]
    have = [sum(v.capacity_litres for v in problem.vehicles), sum(v.capacity_kg for v in problem.vehicles)]
    if need[0] > have[0] or need[1] > have[1]:
        return (f"dropped to fit the day: the day's orders ({need[0]:g} L, {need[1]:g} kg) "
                f"exceed what the fleet carries ({have[0]:g} L, {have[1]:g} kg)")
    return None


def _demand(stop: Stop) -> str:
    frozen = f", {stop.frozen_litres():g} L frozen" if stop.frozen_litres() else ""
    chilled = f", {stop.chilled_litres():g} L chilled" if stop.chilled_litres() else ""
    return f"{stop.demand_litres:g} L, {stop.demand_kg:g} kg{frozen}{chilled}"


def _fits(vehicle: Vehicle, stop: Stop) -> bool:
    freezer = vehicle.frozen_litres is None or stop.frozen_litres() <= vehicle.frozen_litres
    cold = vehicle.chilled_litres is None or stop.chilled_litres() <= vehicle.chilled_litres
    return (stop.demand_litres <= vehicle.capacity_litres and stop.demand_kg <= vehicle.capacity_kg
            and freezer and cold)


def _reachable_alone(vehicle: Vehicle, stop: Stop, matrix: Matrix, node: int) -> bool:
    """Depot -> stop -> depot within a window and the shift (breaks ignored: they
    can be taken while waiting, so they rarely decide alone)."""
    arrival = vehicle.shift_start + int(matrix.duration[0, node])
    for window in stop.windows():
        service = max(arrival, window.start)
        back = service + stop.service_time + int(matrix.duration[node, 0])
        if service <= window.end and back <= vehicle.shift_end:
            return True
    return False
