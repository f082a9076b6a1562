"""Road distance estimated from great-circle distance, for when no road service is set.

Road distance ~ straight line x circuity factor (1.3 is typical for mixed
rural/urban Flanders); time = road distance / average speed.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from routing.matrix.base import Matrix, Point

EARTH_RADIUS_M = 6_371_008.8


def great_circle_m(points: np.ndarray) -> np.ndarray:
    """All-pairs haversine distance in metres for an (n, 2) array of lat/lon degrees."""
    lat, lon = np.radians(points[:, 0]), np.radians(points[:, 1])
    dlat = lat[:, None] - lat[None, :]
    dlon = lon[:, None] - lon[None, :]
    a = np.sin(dlat / 2) ** 2 + np.cos(lat)[:, None] * np.cos(lat)[None, :] * np.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


class HaversineProvider:
    """Great-circle x circuity, at an average speed; cached per coordinate tuple."""

    coordinates = "latlon"

    def __init__(self, circuity: float = 1.3, speed_kmh: float = 40.0, cache_size: int = 32):
        if circuity < 1.0 or speed_kmh <= 0:
            raise ValueError("circuity must be >= 1 and speed_kmh > 0")
        self.circuity = circuity
        self.speed_kmh = speed_kmh
        self._cached = lru_cache(maxsize=cache_size)(self._compute)

    def matrix(self, points: Sequence[Point]) -> Matrix:
        return self._cached(tuple((float(a), float(b)) for a, b in points))

    def _compute(self, points: tuple[Point, ...]) -> Matrix:
        road_m = great_circle_m(np.asarray(points, dtype=float).reshape(-1, 2)) * self.circuity
        seconds = road_m / (self.speed_kmh / 3.6)
        return Matrix(np.rint(road_m).astype(np.int64), np.rint(seconds).astype(np.int64))
