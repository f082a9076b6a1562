"""Travel matrices and the interface every provider implements."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from routing.model import Depot, Problem, ProblemError, Stop

Point = tuple[float, float]


class MatrixError(RuntimeError):
    """A provider could not produce a matrix (service down, bad answer...)."""


@dataclass(frozen=True)
class Matrix:
    """Square integer matrices over depot + stops: metres and seconds.

    ``distance[i, j]`` is the cost of driving i -> j, ``duration[i, j]`` its time.
    Arrays are read-only so a cached matrix cannot be changed by a caller.
    """

    distance: np.ndarray
    duration: np.ndarray

    def __post_init__(self) -> None:
        if self.distance.shape != self.duration.shape or self.distance.ndim != 2:
            raise MatrixError("distance and duration must be square and of one shape")
        for array in (self.distance, self.duration):
            array.setflags(write=False)

    @property
    def size(self) -> int:
        return int(self.distance.shape[0])


class MatrixProvider(Protocol):
    """Builds a matrix for points given in the provider's own coordinate kind."""

    coordinates: str  # "latlon" or "xy": which fields of Depot/Stop it reads

    def matrix(self, points: Sequence[Point]) -> Matrix: ...


def points_of(problem: Problem, coordinates: str) -> list[Point]:
    """Depot then stops as (lat, lon) or (x, y); a stop without them is a ProblemError."""
    places: list[Depot | Stop] = [problem.depot, *problem.stops]
    fields = ("lat", "lon") if coordinates == "latlon" else ("x", "y")
    points = []
    for place in places:
        a, b = (getattr(place, f) for f in fields)
        if a is None or b is None:
            raise ProblemError(f"{place.id} has no {'/'.join(fields)} coordinates")
        points.append((float(a), float(b)))
    return points


def matrix_for(problem: Problem, provider: MatrixProvider) -> Matrix:
    """The matrix of a problem (index 0 depot, i+1 = stops[i]) from a provider."""
    return provider.matrix(points_of(problem, provider.coordinates))
