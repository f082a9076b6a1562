"""Plane distances for benchmark instances (DIMACS convention by default)."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from routing.matrix.base import Matrix, Point


class EuclideanProvider:
    """Euclidean distance x ``scale``, truncated (DIMACS) or rounded to an integer.

    With scale 10 and truncation, integer 153 means 15.3: the DIMACS/CVRPLIB rule
    ``floor(10 * d) / 10`` made exact. Travel time equals distance.
    """

    coordinates = "xy"

    def __init__(self, scale: int = 10, truncate: bool = True):
        self.scale = scale
        self.truncate = truncate

    def matrix(self, points: Sequence[Point]) -> Matrix:
        xy = np.asarray(points, dtype=float).reshape(-1, 2)
        d = np.hypot(xy[:, None, 0] - xy[None, :, 0], xy[:, None, 1] - xy[None, :, 1]) * self.scale
        # A hair of tolerance so 10 * 1.5 computed as 14.999999 still truncates to 15.
        scaled = np.floor(d + 1e-9) if self.truncate else np.rint(d)
        ints = scaled.astype(np.int64)
        return Matrix(ints, ints.copy())
