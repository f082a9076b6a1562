"""The plan's routes on one drawing: the delivery area's projection
(``delivery.domain.mapsvg.route_map``) over every stop of the plan at once, so all
routes share one scale; then cut back into one polyline per route."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from nutriplat.access import load_owned
from nutriplat.auth.actor import Actor
from nutriplat.db import UnitOfWork
from nutriplat.delivery.domain.mapsvg import LatLon, MapPoint, RouteMap, route_map
from nutriplat.delivery.models import RoutePlan

# Distinguishable on white and for the common colour-vision deficiencies (Okabe-Ito);
# every route also has its number next to its stops, so colour is never the only cue.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")


@dataclass(frozen=True)
class DrawnRoute:
    number: int
    colour: str
    stops: list[MapPoint]
    path: str  # SVG polyline points: depot, stops in order, depot


@dataclass(frozen=True)
class PlanMap:
    width: int
    height: int
    depot: MapPoint
    routes: list[DrawnRoute]
    dropped: list[MapPoint]


def plan_places(uow: UnitOfWork, actor: Actor, plan_id: int) -> tuple[LatLon, dict[int, LatLon]]:
    """The depot's and each stop's coordinates (the plan view leaves them out)."""
    with uow:
        plan = load_owned(uow.session, RoutePlan, plan_id, actor, "route plan")
        depot = plan.fleet["depot"]
        return (depot["lat"], depot["lon"]), {s.id: (s.lat, s.lon) for s in plan.stops}


def plan_map(depot: LatLon, places: dict[int, LatLon], routes: Sequence[dict[str, Any]],
             dropped: Sequence[dict[str, Any]]) -> PlanMap:
    """``routes``/``dropped`` as the plan view gives them (stops in order)."""
    orders = [[s["id"] for s in r["stops"]] for r in routes] + [[s["id"] for s in dropped]]
    drawing = route_map(depot, [places[i] for ids in orders for i in ids])
    points, drawn, at = drawing.stops, [], 0
    for k, ids in enumerate(orders[:-1]):
        stops = [MapPoint(p.x, p.y, str(n)) for n, p in enumerate(points[at:at + len(ids)], start=1)]
        at += len(ids)
        path = RouteMap(drawing.width, drawing.height, drawing.depot, stops).path
        drawn.append(DrawnRoute(k + 1, COLOURS[k % len(COLOURS)], stops, path))
    return PlanMap(drawing.width, drawing.height, drawing.depot, drawn, points[at:])
