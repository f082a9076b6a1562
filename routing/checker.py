"""An independent feasibility check of a solution (no OR-Tools involved).

It recomputes everything from the problem and the matrix and trusts nothing the
solver reported: every open stop served once or named as dropped, loads within
capacity, service inside a window, driving times respected, shifts and breaks kept,
pins honoured. An empty list means feasible.
"""
from __future__ import annotations

from collections import Counter
from itertools import pairwise

from routing.matrix.base import Matrix
from routing.model import Problem, Stop, Vehicle
from routing.solution import Route, Solution

TOLERANCE = 1e-6


def check(problem: Problem, matrix: Matrix, solution: Solution) -> list[str]:
    """All violations found, as readable sentences."""
    faults = _coverage(problem, solution)
    vehicles = Counter(r.vehicle_id for r in solution.routes)
    faults += [f"vehicle {v} has {n} routes" for v, n in vehicles.items() if n > 1]
    known = {v.id: v for v in problem.vehicles}
    stops = {s.id: s for s in problem.stops}
    index = problem.stop_index()
    for route in solution.routes:
        vehicle = known.get(route.vehicle_id)
        if vehicle is None:
            faults.append(f"route uses unknown vehicle {route.vehicle_id}")
            continue
        visits = [stops[v.stop_id] for v in route.visits if v.stop_id in stops]
        faults += _capacity(vehicle, visits, route)
        faults += _schedule(vehicle, visits, route, matrix, index)
        faults += _pins(vehicle, visits)
        driven = route_cost(matrix, [index[s.id] for s in visits])
        if driven != route.distance:
            faults.append(f"{vehicle.id}: reported distance {route.distance}, matrix says {driven}")
    return faults


def route_cost(matrix: Matrix, path: list[int]) -> int:
    """Distance of depot -> path -> depot in matrix units."""
    full = [0, *path, 0]
    return sum(int(matrix.distance[a, b]) for a, b in pairwise(full))


def _coverage(problem: Problem, solution: Solution) -> list[str]:
    served = Counter(v.stop_id for r in solution.routes for v in r.visits)
    dropped = Counter(d.stop_id for d in solution.dropped)
    faults = [f"stop {s} visited {n} times" for s, n in served.items() if n > 1]
    faults += [f"stop {s} both visited and dropped" for s in served if s in dropped]
    known = {s.id: s for s in problem.stops}
    faults += [f"unknown stop {s}" for s in (served | dropped) if s not in known]
    faults += [f"done stop {s} planned again" for s in served if s in known and known[s].done]
    faults += [f"stop {s.id} neither visited nor dropped" for s in problem.open_stops()
               if s.id not in served and s.id not in dropped]
    return faults


def _capacity(vehicle: Vehicle, visits: list[Stop], route: Route) -> list[str]:
    litres = sum(s.demand_litres for s in visits)
    kg = sum(s.demand_kg for s in visits)
    frozen = sum(s.frozen_litres() for s in visits)
    chilled = sum(s.chilled_litres() for s in visits)
    faults = []
    if litres > vehicle.capacity_litres + TOLERANCE:
        faults.append(f"{vehicle.id}: {litres} L loaded, capacity {vehicle.capacity_litres} L")
    if kg > vehicle.capacity_kg + TOLERANCE:
        faults.append(f"{vehicle.id}: {kg} kg loaded, capacity {vehicle.capacity_kg} kg")
    if vehicle.frozen_litres is not None and frozen > vehicle.frozen_litres + TOLERANCE:
        faults.append(f"{vehicle.id}: {frozen} L frozen, freezer holds {vehicle.frozen_litres} L")
    if vehicle.chilled_litres is not None and chilled > vehicle.chilled_litres + TOLERANCE:
        faults.append(f"{vehicle.id}: {chilled} L chilled, chilled space holds {vehicle.chilled_litres} L")
    for visit, stop in zip(route.visits, visits, strict=False):  # unknown stops were left out
        litres, kg = litres - stop.demand_litres, kg - stop.demand_kg
        if abs(visit.load_litres - litres) > 1e-3 or abs(visit.load_kg - kg) > 1e-3:
            faults.append(f"{vehicle.id}: load reported after {stop.id} is wrong")
    return faults


def _schedule(vehicle: Vehicle, visits: list[Stop], route: Route, matrix: Matrix, index: dict[str, int]) -> list[str]:
    faults = []
    if route.start < vehicle.shift_start:
        faults.append(f"{vehicle.id}: leaves at {route.start}, before its shift starts at {vehicle.shift_start}")
    if route.end > vehicle.shift_end:
        faults.append(f"{vehicle.id}: back at {route.end}, after its shift ends at {vehicle.shift_end}")
    services = [(v.eta, v.eta + s.service_time) for v, s in zip(route.visits, visits, strict=False)]
    faults += _breaks(vehicle, route, services)
    here, clock = 0, route.start
    legs = [(index[s.id], v.eta, s) for v, s in zip(route.visits, visits, strict=False)] + [(0, route.end, None)]
    for node, eta, stop in legs:
        rest = sum(b.duration for b in route.breaks if clock <= b.start and b.start + b.duration <= eta)
        if eta < clock + int(matrix.duration[here, node]) + rest:
            faults.append(f"{vehicle.id}: cannot reach {stop.id if stop else 'the depot'} by {eta}")
        if stop is not None:
            if not any(w.start <= eta <= w.end for w in stop.windows()):
                faults.append(f"{vehicle.id}: serves {stop.id} at {eta}, outside its time windows")
            clock = eta + stop.service_time
        here = node
    return faults


def _breaks(vehicle: Vehicle, route: Route, services: list[tuple[int, int]]) -> list[str]:
    faults = []
    if sorted(b.duration for b in route.breaks) != sorted(b.duration for b in vehicle.breaks):
        faults.append(f"{vehicle.id}: breaks taken do not match the breaks required")
    remaining = list(vehicle.breaks)
    for slot in route.breaks:
        rule = next((b for b in remaining if b.duration == slot.duration
                     and b.earliest_start <= slot.start <= b.latest_start), None)
        if rule is None:
            faults.append(f"{vehicle.id}: break at {slot.start} is outside its allowed window")
        else:
            remaining.remove(rule)
        if any(slot.start < done and begin < slot.start + slot.duration for begin, done in services):
            faults.append(f"{vehicle.id}: break at {slot.start} overlaps a delivery")
    return faults


def _pins(vehicle: Vehicle, visits: list[Stop]) -> list[str]:
    faults = [f"{s.id} is pinned to {s.pinned_vehicle} but rides with {vehicle.id}"
              for s in visits if s.pinned_vehicle is not None and s.pinned_vehicle != vehicle.id]
    sequence = [s.pinned_sequence for s in visits if s.pinned_sequence is not None and s.pinned_vehicle == vehicle.id]
    if sequence != sorted(sequence):
        faults.append(f"{vehicle.id}: pinned stops out of their pinned order")
    return faults
