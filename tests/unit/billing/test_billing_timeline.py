"""Subscriptions replayed from dated changes: pauses, plan changes, rentals, cancellation."""
from datetime import date

import pytest

from nutriplat.billing.domain.timeline import Change, TimelineError, ends_on, replay, status_on, usage
from nutriplat.periods import Month

START = date(2026, 9, 15)
OCTOBER = Month(2026, 10)


def test_a_pause_stops_the_plan_but_not_the_rental():
    spans = replay(START, 1, [
        Change(START, "set_rental", appliance="freezer", quantity=1),
        Change(date(2026, 10, 11), "pause"), Change(date(2026, 10, 21), "resume")])
    used = usage(spans, OCTOBER)
    assert used.plan_days == {1: 21}
    assert used.rental_days == {("freezer", 1): 31}
    assert used.first_billed_day == date(2026, 10, 1)
    assert status_on(spans, date(2026, 10, 15)) == "paused"
    assert status_on(spans, date(2026, 9, 1)) == "scheduled"


def test_a_plan_change_splits_the_month_and_a_cancellation_ends_it():
    spans = replay(START, 1, [Change(date(2026, 10, 10), "change_plan", plan_id=2),
                              Change(date(2026, 10, 25), "cancel")])
    assert usage(spans, OCTOBER).plan_days == {1: 9, 2: 15}
    assert usage(spans, Month(2026, 11)).plan_days == {}
    assert ends_on(spans) == date(2026, 10, 25)
    assert status_on(spans, date(2026, 10, 25)) == "cancelled"


def test_changes_apply_in_date_order_whatever_the_recording_order():
    spans = replay(START, 1, [Change(date(2026, 10, 21), "resume"), Change(date(2026, 10, 11), "pause")])
    assert usage(spans, OCTOBER).plan_days == {1: 21}


def test_rentals_can_grow_and_be_returned():
    spans = replay(START, 1, [Change(START, "set_rental", appliance="oven", quantity=1),
                              Change(date(2026, 10, 16), "set_rental", appliance="oven", quantity=2),
                              Change(date(2026, 10, 26), "set_rental", appliance="oven", quantity=0)])
    assert usage(spans, OCTOBER).rental_days == {("oven", 1): 15, ("oven", 2): 10}


def test_a_month_before_the_start_bills_nothing():
    used = usage(replay(START, 1, []), Month(2026, 8))
    assert (used.plan_days, used.rental_days, used.first_billed_day) == ({}, {}, None)


@pytest.mark.parametrize("changes, field", [
    ([Change(date(2026, 9, 1), "pause")], "effective_on"),             # before the start
    ([Change(date(2026, 10, 1), "resume")], "kind"),                   # not paused
    ([Change(date(2026, 10, 1), "pause"), Change(date(2026, 10, 5), "pause")], "kind"),
    ([Change(date(2026, 10, 1), "cancel"), Change(date(2026, 10, 5), "pause")], "effective_on"),
    ([Change(date(2026, 10, 1), "change_plan", plan_id=1)], "plan_id"),  # same plan
    ([Change(date(2026, 10, 1), "set_rental", appliance="oven", quantity=0)], "quantity"),
    ([Change(date(2026, 10, 1), "renew")], "kind"),
])
def test_changes_that_do_not_fit_are_named(changes, field):
    with pytest.raises(TimelineError) as raised:
        replay(START, 1, changes)
    assert raised.value.field == field
