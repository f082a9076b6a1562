"""The home projection and reorder rule beyond the basics: expiry at home, vans that may
come late, extra deliveries, appliances per storage class, what is on its way taking
room, products the client may no longer have, days of cover."""
from datetime import date, timedelta

from nutriplat.inventory.domain import (
    DeliverySlot,
    HomeItem,
    cover_end,
    days_of_cover,
    plan_home_orders,
    project,
    propose_home_order,
)

MON = date(2026, 11, 23)
D = [MON + timedelta(days=i) for i in range(21)]  # D[0] Monday … D[20]
WED_SUN = [DeliverySlot(D[2]), DeliverySlot(D[6]), DeliverySlot(D[9]), DeliverySlot(D[13])]


def every_day(n, units, start=0):
    return {D[start + i]: dict(units) for i in range(n)}


class TestProjection:
    def test_units_past_their_expiry_are_not_eaten(self):
        items = {1: HomeItem(on_hand=3, expiring=((D[1], 3),))}
        result = project(items, every_day(4, {1: 1}), {}, D[0], D[4])
        assert result.short == {1: D[2]} and result.unmet == {1: 2}

    def test_meals_take_the_units_that_expire_first(self):
        items = {1: HomeItem(on_hand=3, expiring=((D[5], 1), (D[1], 1)))}
        result = project(items, every_day(3, {1: 1}), {}, D[0], D[3])
        assert result.short == {}  # D[1]'s unit on Monday, D[5]'s on Tuesday, the third on Wednesday

    def test_a_cautious_projection_lets_the_van_come_after_the_meals(self):
        plan, arrivals = every_day(3, {1: 1}), {D[1]: {1: 5}}
        assert project({}, plan, arrivals, D[0], D[3], count_from=D[1]).unmet == {}
        assert project({}, plan, arrivals, D[0], D[3], count_from=D[1], late_from=D[0]).unmet == {1: 1}

    def test_a_product_no_longer_allowed_is_not_eaten_and_keeps_its_room(self):
        items = {1: HomeItem(on_hand=4, volume_l=0.5, allowed=False)}
        result = project(items, every_day(4, {1: 1}), {}, D[0], D[4], measure="per_storage")
        assert result.short == {} and result.peak_l == {"frozen": 2.0}

    def test_days_of_cover_per_planned_product(self):
        items = {1: HomeItem(on_hand=3), 2: HomeItem(on_hand=10), 3: HomeItem(on_hand=5)}
        cover = days_of_cover(items, every_day(7, {1: 1, 2: 1}), {}, D[0], D[7])
        assert cover == {1: 3, 2: None}  # 3 is not planned; 2 lasts past the plan


class TestExtraDeliveries:
    def test_a_gap_before_the_next_delivery_day_brings_an_extra_delivery(self):
        items = {1: HomeItem(on_hand=1)}
        plan = every_day(14, {1: 1})
        first = propose_home_order(D[0], items, plan, {}, WED_SUN, None, earliest_extra=D[1])
        assert first.extra and first.delivery_date == D[1]
        assert first.covers_until == D[1] and first.lines[0].quantity == 2  # Tuesday and Wednesday
        both = plan_home_orders(D[0], items, plan, {}, WED_SUN, None, earliest_extra=D[1])
        assert [(p.delivery_date, p.extra, p.lines[0].quantity) for p in both] == [(D[1], True, 2), (D[2], False, 4)]

    def test_a_gap_on_the_delivery_day_itself_is_closed_the_day_before(self):
        # Two units last until Tuesday: Wednesday's meal would wait for Wednesday's van.
        items = {1: HomeItem(on_hand=2)}
        proposal = propose_home_order(D[0], items, every_day(14, {1: 1}), {}, WED_SUN, None, earliest_extra=D[1])
        assert proposal.extra and proposal.delivery_date == D[1]

    def test_without_room_for_an_extra_day_the_regular_delivery_carries_it(self):
        items = {1: HomeItem(on_hand=0)}
        proposal = propose_home_order(D[0], items, every_day(14, {1: 1}), {}, WED_SUN, None, earliest_extra=D[2])
        assert not proposal.extra and proposal.delivery_date == D[2]
        assert proposal.short_before_delivery == {1: D[0]} and proposal.lines[0].quantity == 5  # Wed … Sun

    def test_each_line_says_until_when_its_lots_must_last(self):
        plan = {D[3]: {1: 1}, D[4]: {2: 1}}
        proposal = propose_home_order(D[0], {}, plan, {}, WED_SUN, None)
        # The whole window the Wednesday delivery feeds, up to and including Sunday's delivery day.
        assert {line.variant_id: line.use_by for line in proposal.lines} == {1: D[6], 2: D[6]}


class TestCapacity:
    def test_each_storage_class_has_its_own_appliance(self):
        items = {1: HomeItem(0, volume_l=0.45, storage="frozen"), 2: HomeItem(0, volume_l=0.3, storage="chilled")}
        plan = every_day(14, {1: 2, 2: 1})
        proposal = propose_home_order(D[0], items, plan, {}, WED_SUN, {"frozen": 3.0, "chilled": None, "ambient": None})
        lines = {line.variant_id: line.quantity for line in proposal.lines}
        assert lines[1] * 0.45 <= 3.0 and lines[2] == 5 and proposal.capacity_limited

    def test_deliveries_on_their_way_take_room_too(self):
        items = {1: HomeItem(0, volume_l=1.0), 2: HomeItem(0, volume_l=1.0)}
        on_the_way = {D[2]: {2: 4}}
        plan = every_day(14, {1: 1})
        proposal = propose_home_order(D[0], items, plan, on_the_way, WED_SUN, {"frozen": 6.0})
        assert sum(line.quantity for line in proposal.lines) <= 2 and proposal.capacity_limited

    def test_packs_stay_whole_when_trimmed(self):
        items = {1: HomeItem(0, pack_size=4, volume_l=0.5)}
        proposal = propose_home_order(D[0], items, every_day(14, {1: 3}), {}, WED_SUN, 5.0)
        assert proposal.lines[0].quantity % 4 == 0 and proposal.lines[0].quantity * 0.5 <= 5.0


def test_refused_products_are_reported_without_an_order():
    items = {1: HomeItem(on_hand=0, allowed=False)}
    proposal = propose_home_order(D[0], items, every_day(14, {1: 1}), {}, WED_SUN, None)
    assert proposal.lines == () and proposal.not_allowed == (1,)


def test_the_margin_skips_days_away():
    assert cover_end(D[6], frozenset({D[6], D[7]}), 1) == D[9]
    assert cover_end(D[6], frozenset(), 0) == D[6]
