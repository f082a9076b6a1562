"""The route drawn from coordinates alone (no tile server): lon/lat projected
equirectangularly (x scaled by cos(latitude), fine over a few tens of km), fitted into
an SVG box with a margin; north is up."""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

LatLon = tuple[float, float]


@dataclass(frozen=True)
class MapPoint:
    x: float
    y: float
    label: str


@dataclass(frozen=True)
class RouteMap:
    width: int
    height: int
    depot: MapPoint
    stops: list[MapPoint]

    @property
    def path(self) -> str:
        """SVG polyline points: depot, the stops in order, back to the depot."""
        points = [self.depot, *self.stops, self.depot]
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in points)


def route_map(depot: LatLon, stops: Sequence[LatLon], width: int = 640, height: int = 480,
              margin: int = 30) -> RouteMap:
    places = [depot, *stops]
    mid_lat = math.radians(sum(lat for lat, _ in places) / len(places))
    xs = [lon * math.cos(mid_lat) for _, lon in places]
    ys = [lat for lat, _ in places]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-4)  # one scale for both axes
    scale = min(width - 2 * margin, height - 2 * margin) / span

    def project(k: int, label: str) -> MapPoint:
        return MapPoint(round(margin + (xs[k] - min(xs)) * scale, 1),
                        round(height - margin - (ys[k] - min(ys)) * scale, 1), label)

    return RouteMap(width, height, project(0, "D"), [project(k, str(k)) for k in range(1, len(places))])
