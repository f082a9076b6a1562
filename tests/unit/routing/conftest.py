"""Shared fixtures: the shipped benchmark data and a small Roeselare delivery day.

Helpers are handed out as fixtures (not imported) so these tests run under any
pytest import mode and beside other test folders.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from routing.matrix import HaversineProvider, matrix_for
from routing.model import Depot, Problem, Stop, TimeWindow, Vehicle
from routing.solver import SolverOptions
from routing.solver.subproblem import restrict
from tools.bench.routing.instances import Instance, load

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"
HOUR = 3600


def _data_file(*parts: str) -> Path:
    path = DATA.joinpath(*parts)
    if not path.is_file():
        pytest.skip(f"benchmark data not found at {path}")
    return path


@pytest.fixture
def data_file():
    """data_file("solomon", "C101.txt") -> path in ../shared/data, or skip."""
    return _data_file


@pytest.fixture(scope="session")
def c101() -> Instance:
    return load(_data_file("solomon", "C101.txt"))


@pytest.fixture
def first_customers():
    """first_customers(instance, n): the instance cut down to its first n customers."""
    def cut(instance: Instance, n: int) -> Instance:
        problem, matrix = restrict(instance.problem, instance.matrix, instance.problem.stops[:n],
                                   instance.problem.vehicles)
        return Instance(instance.name, problem, matrix, None, instance.first_number)
    return cut


@pytest.fixture
def fast() -> SolverOptions:
    return SolverOptions(time_limit_s=1.0)


# Around the Roeselare depot: (lat, lon) of a few villages.
PLACES = {
    "roeselare": (50.9469, 3.1227), "kortrijk": (50.8280, 3.2649), "izegem": (50.9142, 3.2136),
    "rumbeke": (50.9290, 3.1570), "hooglede": (50.9817, 3.0833), "staden": (50.9750, 3.0167),
    "moorslede": (50.8919, 3.0611), "ardooie": (50.9750, 3.2000), "lichtervelde": (51.0333, 3.1400),
    "ingelmunster": (50.9200, 3.2533), "torhout": (51.0650, 3.1010), "tielt": (50.9990, 3.3270),
}


@pytest.fixture
def stop():
    """stop("izegem", demand_litres=10, ...): a delivery at a named village."""
    def make(name: str, **fields) -> Stop:
        lat, lon = PLACES[name]
        return Stop(name, lat=lat, lon=lon, **fields)
    return make


def van(vehicle_id: str, driver: str, **fields) -> Vehicle:
    """A van on a 07:00-15:00 shift with 400 L / 300 kg unless told otherwise."""
    defaults = {"capacity_litres": 400, "capacity_kg": 300, "shift_start": 7 * HOUR, "shift_end": 15 * HOUR}
    return Vehicle(vehicle_id, driver_id=driver, **{**defaults, **fields})


@pytest.fixture
def day():
    """day(stops, vehicles=None) -> (problem, haversine matrix) at the Roeselare depot."""
    def make(stops: list[Stop], vehicles: list[Vehicle] | None = None):
        lat, lon = PLACES["roeselare"]
        fleet = vehicles or [van("van1", "ann"), van("van2", "bart")]
        problem = Problem(Depot("depot", lat=lat, lon=lon), fleet, stops)
        return problem, matrix_for(problem, HaversineProvider())
    return make


@pytest.fixture
def van_of():
    return van


@pytest.fixture
def hours():
    """hours(9, 11) -> a single time window 09:00-11:00 in seconds."""
    return lambda start_h, end_h: (TimeWindow(int(start_h * HOUR), int(end_h * HOUR)),)
