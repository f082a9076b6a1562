"""Both instance formats read into Problems in the DIMACS convention (x10 integers)."""
from __future__ import annotations

import pytest

from tools.bench.routing.instances import InstanceError, load


def test_solomon_file_reads_customers_fleet_and_windows_scaled_by_ten(c101):
    problem = c101.problem
    assert c101.name == "C101" and c101.bks == 827.3
    assert len(problem.stops) == 100 and len(problem.vehicles) == 25
    assert problem.vehicles[0].capacity_kg == 200
    assert (problem.vehicles[0].shift_start, problem.vehicles[0].shift_end) == (0, 12360)
    first = problem.stops[0]
    assert (first.id, first.x, first.y, first.demand_kg, first.service_time) == ("1", 45, 68, 10, 900)
    assert (first.time_windows[0].start, first.time_windows[0].end) == (9120, 9670)


def test_vrplib_file_numbers_customers_as_the_file_does_from_two(data_file):
    instance = load(data_file("homberger", "C1_10_1.vrp"))
    problem = instance.problem
    assert instance.bks == 42444.8 and len(problem.stops) == 1000 and len(problem.vehicles) == 250
    assert problem.stops[0].id == "2" and problem.stops[-1].id == "1001"
    assert (problem.stops[0].x, problem.stops[0].y, problem.stops[0].service_time) == (387, 297, 900)
    assert instance.matrix.size == 1001


def test_distances_are_truncated_to_one_decimal(c101):
    # depot (40, 50) -> customer 1 (45, 68): sqrt(25 + 324) = 18.68... -> 18.6
    assert c101.matrix.distance[0, 1] == 186
    assert c101.matrix.duration[0, 1] == 186


def test_a_missing_file_is_an_instance_error(tmp_path):
    with pytest.raises(InstanceError, match="no such file"):
        load(tmp_path / "absent.txt")


@pytest.mark.parametrize("name, text", [
    ("broken.txt", "C999\n\nVEHICLE\nNUMBER CAPACITY\n oops\n"),
    ("broken.vrp", "NAME : X\nTYPE : VRPTW\nDIMENSION : 3\nNODE_COORD_SECTION\n1 0\nEOF\n"),
    ("empty.vrp", ""),
])
def test_a_file_that_does_not_parse_is_an_instance_error(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(InstanceError, match="not a readable"):
        load(path)
