"""The meal slots a client usually eats, read from the intake records: what the nightly
run orders for and what a day without records is taken to have eaten."""
from nutriplat.inventory.domain.eating import MIN_RECORDED_DAYS, eaten_slots, usual_slots

MEALS = {"breakfast", "lunch", "dinner"}


def test_a_slot_never_recorded_is_not_usual():
    assert usual_slots([MEALS] * 20) == frozenset(MEALS)  # the afternoon snack stays in the fridge


def test_a_slot_eaten_on_half_the_recorded_days_or_more_is_usual():
    days = [MEALS | {"snack"}] * 5 + [MEALS] * 5 + [{"lunch"}] * 1
    assert usual_slots(days) == frozenset({"breakfast", "lunch", "dinner"})
    assert usual_slots([MEALS | {"snack"}] * 6 + [MEALS] * 5) == frozenset(MEALS | {"snack"})


def test_too_few_days_with_records_leave_the_plan_as_it_is():
    assert usual_slots([MEALS] * (MIN_RECORDED_DAYS - 1) + [set()] * 10) is None
    assert usual_slots([]) is None


def test_a_day_with_records_took_its_recorded_slots_a_day_without_the_usual_ones():
    assert eaten_slots({"lunch"}, frozenset(MEALS)) == {"lunch"}
    assert eaten_slots(None, frozenset(MEALS)) == frozenset(MEALS)
    assert eaten_slots(None, None) is None  # the whole plan
