"""Where stops lie around the depot, for cutting a day into neighbouring parts."""
from __future__ import annotations

import math
from collections.abc import Callable

from routing.model import Depot, Problem, Stop


def angle_of(problem: Problem) -> Callable[[Stop], float] | None:
    """Stop -> polar angle around the depot, on x/y or lon/lat; None without coordinates."""
    axes = _axes(problem)
    return _angle(problem.depot, *axes) if axes else None


def position_of(problem: Problem) -> Callable[[Stop], tuple[float, float]] | None:
    """Stop -> (x, y) or (lon, lat), to tell which stops lie near each other; None without
    coordinates. (Degrees are no metres, but near is near on a region's scale.)"""
    axes = _axes(problem)
    if axes is None:
        return None
    xf, yf = axes
    return lambda s: (getattr(s, xf), getattr(s, yf))


def _axes(problem: Problem) -> tuple[str, str] | None:
    """The coordinate fields the depot and every stop have: x/y, else lon/lat."""
    for xf, yf in (("x", "y"), ("lon", "lat")):
        if getattr(problem.depot, xf) is not None and all(getattr(s, xf) is not None for s in problem.stops):
            return xf, yf
    return None


def angle_around(problem: Problem) -> Callable[[Stop], float]:
    """``angle_of`` a day that has coordinates (what the callers' ``applies`` checked)."""
    angle = angle_of(problem)
    if angle is None:
        raise ValueError("the stops have no coordinates to sort by angle")
    return angle


def _angle(depot: Depot, xf: str, yf: str) -> Callable[[Stop], float]:
    def angle(s: Stop) -> float:
        return math.atan2(getattr(s, yf) - getattr(depot, yf), getattr(s, xf) - getattr(depot, xf))
    return angle


def mean_angle(angles: list[float]) -> float:
    """Circular mean, so routes either side of the -pi/pi cut stay neighbours."""
    return math.atan2(sum(math.sin(a) for a in angles), sum(math.cos(a) for a in angles))
