"""Delivery schedules, units from portions, what is stocked, presence at home and the
texture/allergen gate."""
from datetime import date, datetime, time

import pytest

from nutriplat.inventory.domain.presence import days_at_home, value_on
from nutriplat.inventory.domain.safety import refusal
from nutriplat.inventory.domain.schedule import DeliverySchedule
from nutriplat.inventory.domain.units import is_stocked, units_per_day

MON = date(2026, 11, 23)


class TestSchedule:
    SCHEDULE = DeliverySchedule(frozenset({0, 3}), lead_time_days=1, cutoff=time(14))

    def test_a_slot_closes_at_the_cut_off_the_day_before(self):
        at_two = datetime(2026, 11, 23, 2, 0)  # Monday night's run
        assert [s.delivery_date.day for s in self.SCHEDULE.slots(at_two, 10)] == [26, 30, 3]
        assert self.SCHEDULE.is_open(date(2026, 11, 26), datetime(2026, 11, 25, 13, 59))
        assert not self.SCHEDULE.is_open(date(2026, 11, 26), datetime(2026, 11, 25, 14, 0))

    def test_the_earliest_extra_delivery_respects_the_lead_time(self):
        assert self.SCHEDULE.earliest_delivery(datetime(2026, 11, 23, 2, 0)) == date(2026, 11, 24)
        assert self.SCHEDULE.earliest_delivery(datetime(2026, 11, 23, 15, 0)) == date(2026, 11, 25)

    def test_a_schedule_needs_a_day(self):
        with pytest.raises(ValueError):
            DeliverySchedule(frozenset())


def test_portions_round_up_per_day_and_product():
    units = units_per_day([(MON, "a", 0.75), (MON, "a", 0.5), (MON, "b", 0.25), (MON, "c", 0.25),
                           (MON, "c", 0.75)])
    assert units == {MON: {"a": 2, "b": 1, "c": 1}}


@pytest.mark.parametrize("kind, texture, stocked", [
    ("ready_meal", "food:4", True), ("component", "food:7", True), ("recipe", "food:7", False),
    ("drink", "drink:0", False), ("drink", "drink:2", True), ("supplement", "drink:0", False),
    ("supplement", "food:4", True)])
def test_what_is_stocked(kind, texture, stocked):
    assert is_stocked(kind, texture) is stocked


def test_at_home_means_active_and_in_the_home_setting_that_day():
    statuses = [(date(2026, 1, 1), "active"), (date(2026, 11, 20), "paused"), (date(2026, 11, 22), "active")]
    settings = [(date(2026, 1, 1), "home"), (date(2026, 11, 24), "hospital")]
    days = [date(2026, 11, d) for d in range(19, 26)]
    assert sorted(d.day for d in days_at_home(days, statuses, settings, "active", "hospital")) == [19, 22, 23]
    assert value_on([], MON, "active") == "active"
    assert value_on(statuses, date(2025, 1, 1), "active") == "not registered"


@pytest.mark.parametrize("texture, allergens, reason", [
    ("food:4", (), None), ("food:5", (), "food level 5"), ("food:4", ("milk",), "milk"),
    ("drink:2", (), None), ("drink:1", (), "drink level 1")])
def test_the_texture_and_allergen_gate(texture, allergens, reason):
    said = refusal(texture, allergens, "4", "2", ("milk",))
    assert (said is None) if reason is None else (reason in said)


def test_a_regular_diet_takes_easy_to_chew_too():
    assert refusal("food:7EC", (), "7", "0", ()) is None
