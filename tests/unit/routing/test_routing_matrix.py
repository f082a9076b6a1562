"""Matrix providers: haversine x circuity at a speed, plane distances, caching."""
from __future__ import annotations

import numpy as np
import pytest

from routing.matrix import EuclideanProvider, HaversineProvider, default_provider, matrix_for
from routing.matrix.haversine import great_circle_m
from routing.matrix.osrm import OsrmProvider
from routing.model import Depot, Problem, ProblemError, Stop, Vehicle

ROESELARE, KORTRIJK = (50.9469, 3.1227), (50.8280, 3.2649)


def test_roeselare_to_kortrijk_is_about_seventeen_km_as_the_crow_flies():
    metres = great_circle_m(np.array([ROESELARE, KORTRIJK]))[0, 1]
    assert 15_000 < metres < 20_000


def test_road_estimate_applies_the_circuity_factor_and_average_speed():
    straight = great_circle_m(np.array([ROESELARE, KORTRIJK]))[0, 1]
    matrix = HaversineProvider(circuity=1.3, speed_kmh=60).matrix([ROESELARE, KORTRIJK])
    assert matrix.distance[0, 1] == pytest.approx(1.3 * straight, abs=1)
    assert matrix.duration[0, 1] == pytest.approx(1.3 * straight / (60 / 3.6), abs=1)
    assert matrix.distance[1, 0] == matrix.distance[0, 1] and matrix.distance[0, 0] == 0


def test_a_configurable_circuity_scales_the_distance():
    short = HaversineProvider(circuity=1.0).matrix([ROESELARE, KORTRIJK]).distance[0, 1]
    long = HaversineProvider(circuity=1.5).matrix([ROESELARE, KORTRIJK]).distance[0, 1]
    assert long == pytest.approx(1.5 * short, abs=1)


def test_the_same_coordinates_are_computed_once_and_cannot_be_changed():
    provider = HaversineProvider()
    first = provider.matrix([ROESELARE, KORTRIJK])
    assert provider.matrix([ROESELARE, KORTRIJK]) is first
    with pytest.raises(ValueError):
        first.distance[0, 1] = 0


def test_euclidean_distances_truncate_to_one_decimal_in_tenths():
    matrix = EuclideanProvider().matrix([(0, 0), (1, 1), (3, 4)])
    assert matrix.distance[0, 1] == 14  # 1.414 -> 1.4
    assert matrix.distance[0, 2] == 50
    assert (matrix.duration == matrix.distance).all()


def test_a_stop_without_coordinates_is_a_clear_problem_error():
    problem = Problem(Depot(lat=50.9, lon=3.1), [Vehicle("van")], [Stop("nowhere")])
    with pytest.raises(ProblemError, match="nowhere has no lat/lon"):
        matrix_for(problem, HaversineProvider())


def test_osrm_is_used_only_when_a_url_is_configured():
    assert isinstance(default_provider(None), HaversineProvider)
    assert isinstance(default_provider("http://osrm.local:5000"), OsrmProvider)
