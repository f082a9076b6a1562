"""Waste-aware home reordering (issue 20, item 1): chilled food comes only for the days up
to the next delivery, frozen food carries the safety buffer, within the freezer's room."""
from datetime import date, timedelta

from nutriplat.inventory.domain import DeliverySlot, HomeItem, plan_home_orders, propose_home_order

MON = date(2026, 11, 23)
WED, SUN = MON + timedelta(days=2), MON + timedelta(days=6)
SLOTS = [DeliverySlot(WED), DeliverySlot(SUN), DeliverySlot(MON + timedelta(days=9))]
BUFFER = 2  # the service's buffer: the next delivery day and the day after it
DESSERT, MEAL = "chilled dessert", "frozen meal"


def every_day(n=14, **per_day):
    return {MON + timedelta(days=i): {DESSERT: per_day.get("dessert", 1), MEAL: per_day.get("meal", 1)}
            for i in range(n)}


def home(dessert=0, meal=0, **kw):
    return {DESSERT: HomeItem(on_hand=dessert, storage="chilled", volume_l=0.2, **kw),
            MEAL: HomeItem(on_hand=meal, storage="frozen", volume_l=0.5)}


def ordered(proposal):
    return {line.variant_id: line.quantity for line in proposal.lines}


def test_chilled_units_cover_only_the_days_up_to_the_next_delivery_day():
    """Wednesday's van brings desserts for Wednesday to Sunday (the next delivery day, as its
    van may come after lunch): five, not the seven the frozen buffer would ask."""
    proposal = propose_home_order(MON, home(dessert=2, meal=2), every_day(), {}, SLOTS, None, safety_days=BUFFER)
    assert proposal.delivery_date == WED
    assert ordered(proposal)[DESSERT] == 5


def test_frozen_units_carry_the_buffer_past_the_next_delivery():
    """The same van brings frozen meals for Wednesday to Monday: the Sunday van nobody
    opened the door to leaves a frozen meal for Sunday and Monday."""
    proposal = propose_home_order(MON, home(dessert=2, meal=2), every_day(), {}, SLOTS, None, safety_days=BUFFER)
    assert ordered(proposal)[MEAL] == 6


def test_a_chilled_lot_that_keeps_less_than_the_days_to_the_next_delivery_is_cut_at_its_date():
    """A dessert made the day before keeps three days: Wednesday to Friday, no unit that
    would expire before it is eaten; Saturday's comes with a later van."""
    items = home(dessert=2, meal=2, shelf_life_days=3)
    proposal = propose_home_order(MON, items, every_day(), {}, SLOTS, None, safety_days=BUFFER)
    line = next(x for x in proposal.lines if x.variant_id == DESSERT)
    assert (line.quantity, line.use_by) == (3, WED + timedelta(days=2))


def test_a_chilled_need_after_the_next_delivery_alone_orders_nothing_now():
    """Enough desserts up to Sunday and frozen meals for the buffer: the desserts after
    Sunday are Sunday's van's to bring, so tonight nothing is ordered."""
    assert propose_home_order(MON, home(dessert=7, meal=8), every_day(), {}, SLOTS, None, safety_days=BUFFER) is None


def test_the_frozen_buffer_stays_within_the_freezers_capacity_and_the_fridge_is_not_touched():
    """The freezer holds 2 l (four meals): the frozen order is trimmed to fit, the chilled
    order is sized as before, since it goes in the fridge."""
    capacity = {"frozen": 2.0, "chilled": None}
    proposal = propose_home_order(MON, home(dessert=2, meal=2), every_day(), {}, SLOTS, capacity, safety_days=BUFFER)
    assert proposal.capacity_limited
    assert ordered(proposal)[DESSERT] == 5
    # Two meals at home, Monday and Tuesday eat them; Wednesday's delivery alone fills it.
    assert ordered(proposal)[MEAL] * 0.5 <= 2.0 and ordered(proposal)[MEAL] > 0


def test_an_extra_delivery_brings_chilled_units_only_up_to_the_regular_delivery():
    """Nothing at home on Monday: an extra van on Tuesday brings desserts for Tuesday and
    Wednesday (the regular delivery day), frozen meals up to Thursday; the regular van
    brings desserts for Thursday to Sunday."""
    proposals = plan_home_orders(MON, home(), every_day(), {}, SLOTS, None, safety_days=BUFFER,
                                 earliest_extra=MON + timedelta(days=1))
    extra, regular = proposals
    assert extra.extra and extra.delivery_date == MON + timedelta(days=1)
    assert ordered(extra) == {DESSERT: 2, MEAL: 3}
    assert regular.delivery_date == WED and ordered(regular)[DESSERT] == 4
