"""A stored plan as a routing problem, and its stored routes as a routing solution."""
from __future__ import annotations

import os
from collections.abc import Iterable

from nutriplat.delivery.models import PlannedRoute, PlannedStop, RoutePlan
from nutriplat.delivery.planning.fleet import routing_depot, routing_vehicle
from routing import (
    BreakSlot,
    DroppedStop,
    Matrix,
    Problem,
    Route,
    Solution,
    Stop,
    StorageClass,
    TimeWindow,
    Visit,
    default_provider,
    matrix_for,
)

_PROVIDER = default_provider(os.environ.get("NUTRIPLAT_OSRM_URL") or None)  # haversine unless a road table is set


def stop_key(stop: PlannedStop) -> str:
    return f"stop {stop.id}"


def van_names(plan: RoutePlan) -> dict[int, str]:
    return {van["van_id"]: van["name"] for van in plan.fleet["vans"]}


def problem_of(plan: RoutePlan, routes: Iterable[PlannedRoute], stops: Iterable[PlannedStop]) -> Problem:
    """The vans of ``routes`` and the ``stops``, as the plan froze them."""
    names, fleet = van_names(plan), {van["van_id"]: van for van in plan.fleet["vans"]}
    vehicles = [routing_vehicle(fleet[route.van_id]) for route in routes]
    return Problem(routing_depot(plan.fleet), vehicles, [_stop(s, names) for s in stops],
                   name=f"{plan.fleet['depot']['id']} {plan.delivery_date}")


def matrix_of(problem: Problem) -> Matrix:
    return matrix_for(problem, _PROVIDER)


def _stop(stop: PlannedStop, names: dict[int, str]) -> Stop:
    coldest = (StorageClass.FROZEN if stop.frozen_litres else StorageClass.CHILLED if stop.chilled_litres
               else StorageClass.AMBIENT)
    return Stop(id=stop_key(stop), lat=stop.lat, lon=stop.lon, demand_litres=stop.demand_litres,
                demand_kg=stop.demand_kg, time_windows=(TimeWindow(stop.window_start_s, stop.window_end_s),),
                service_time=stop.service_s, storage_class=coldest,
                last_driver_id=None if stop.last_driver_id is None else str(stop.last_driver_id),
                pinned_vehicle=names.get(stop.pinned_van_id) if stop.pinned_van_id else None,
                frozen_demand=stop.frozen_litres, chilled_demand=stop.chilled_litres)


def stored_solution(plan: RoutePlan) -> Solution:
    """The plan's routes as they are stored (used vans only) and its dropped stops."""
    names, routes = van_names(plan), []
    for route in plan.routes:
        visits = sorted((s for s in plan.stops if s.route_id == route.id), key=lambda s: s.sequence or 0)
        if visits:
            routes.append(Route(names[route.van_id], [
                Visit(stop_key(s), s.eta_s or 0, s.departure_s or 0, s.load_after_litres or 0.0,
                      s.load_after_kg or 0.0) for s in visits], route.start_s or 0, route.end_s or 0,
                route.distance_m, [BreakSlot(*b) for b in route.breaks]))
    dropped = [DroppedStop(stop_key(s), s.drop_reason or "") for s in plan.stops if s.route_id is None]
    return Solution(routes, dropped)


def store_route(route_row: PlannedRoute, route: Route | None, stops: dict[str, PlannedStop]) -> None:
    """Write a timed route (None: the van is unused) onto its row and its stops."""
    route_row.start_s = route.start if route and route.visits else None
    route_row.end_s = route.end if route and route.visits else None
    route_row.distance_m = route.distance if route and route.visits else 0
    route_row.breaks = [[b.start, b.duration] for b in route.breaks] if route and route.visits else []
    for sequence, visit in enumerate(route.visits if route else []):
        stop = stops[visit.stop_id]
        stop.route_id, stop.sequence, stop.drop_reason = route_row.id, sequence, None
        stop.eta_s, stop.departure_s = visit.eta, visit.departure
        stop.load_after_litres, stop.load_after_kg = visit.load_litres, visit.load_kg


def drop(stop: PlannedStop, reason: str) -> None:
    stop.route_id = stop.sequence = stop.eta_s = stop.departure_s = None
    stop.load_after_litres = stop.load_after_kg = None
    stop.drop_reason = reason
