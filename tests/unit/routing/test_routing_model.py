"""The problem model refuses what cannot be planned, with a clear message."""
from __future__ import annotations

import pytest

from routing.model import DAY_SECONDS, Depot, Problem, ProblemError, Stop, TimeWindow, Vehicle


def test_a_window_cannot_end_before_it_starts():
    with pytest.raises(ProblemError, match="ends before it starts"):
        TimeWindow(100, 50)


def test_stop_and_vehicle_ids_are_unique_and_a_pin_names_a_known_vehicle():
    with pytest.raises(ProblemError, match="stop ids"):
        Problem(Depot(), [Vehicle("v")], [Stop("a"), Stop("a")])
    with pytest.raises(ProblemError, match="vehicle ids"):
        Problem(Depot(), [Vehicle("v"), Vehicle("v")], [])
    with pytest.raises(ProblemError, match="unknown vehicle"):
        Problem(Depot(), [Vehicle("v")], [Stop("a", pinned_vehicle="w")])
    with pytest.raises(ProblemError, match="at least one vehicle"):
        Problem(Depot(), [], [Stop("a")])


def test_a_stop_without_windows_may_be_served_all_day():
    assert Stop("a").windows() == (TimeWindow(0, DAY_SECONDS),)


def test_a_stop_prefers_its_last_driver_or_its_preferred_van():
    ann, bart = Vehicle("v1", driver_id="ann"), Vehicle("v2", driver_id="bart")
    assert Stop("a").prefers(ann) and Stop("a").prefers(bart)
    assert Stop("a", last_driver_id="bart").prefers(bart) and not Stop("a", last_driver_id="bart").prefers(ann)
    assert Stop("a", preferred_vehicle="v1").prefers(ann) and not Stop("a", preferred_vehicle="v1").prefers(bart)
