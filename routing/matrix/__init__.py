"""Matrix providers: haversine estimate, plane distances, OSRM road table."""
from __future__ import annotations

from routing.matrix.base import Matrix, MatrixError, MatrixProvider, matrix_for, points_of
from routing.matrix.euclidean import EuclideanProvider
from routing.matrix.haversine import HaversineProvider
from routing.matrix.osrm import OsrmProvider


def default_provider(osrm_url: str | None = None, circuity: float = 1.3, speed_kmh: float = 40.0) -> MatrixProvider:
    """OSRM when a base URL is configured, else the haversine estimate."""
    if osrm_url:
        return OsrmProvider(osrm_url)
    return HaversineProvider(circuity=circuity, speed_kmh=speed_kmh)


__all__ = [
    "EuclideanProvider", "HaversineProvider", "Matrix", "MatrixError", "MatrixProvider",
    "OsrmProvider", "default_provider", "matrix_for", "points_of",
]
