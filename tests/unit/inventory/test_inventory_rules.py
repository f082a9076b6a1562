"""Pure inventory rules: FEFO picking, home reordering, central replenishment."""
from datetime import date, timedelta
from typing import ClassVar

import pytest

from nutriplat.inventory.domain import (
    DeliverySlot,
    HomeItem,
    LotStock,
    ReorderRule,
    allocate_fefo,
    propose_home_order,
    propose_replenishment,
)

MON = date(2026, 11, 23)


def days(start, n):
    return [start + timedelta(days=i) for i in range(n)]


def plan(start, n, per_day):
    """The same portions every day: {variant: portions}."""
    return {d: dict(per_day) for d in days(start, n)}


SLOTS = [DeliverySlot(MON + timedelta(days=2)), DeliverySlot(MON + timedelta(days=6)),
         DeliverySlot(MON + timedelta(days=9))]


class TestFefo:
    LOTS: ClassVar[list[LotStock]] = [LotStock(1, date(2026, 12, 20), 5), LotStock(2, date(2026, 12, 1), 3),
                                      LotStock(3, date(2026, 11, 20), 9)]

    def test_the_lot_that_expires_first_goes_first(self):
        assert [(a.lot_id, a.quantity) for a in allocate_fefo(self.LOTS, 6, MON)] == [(2, 3), (1, 3)]

    def test_an_expired_lot_is_never_picked(self):
        picked = allocate_fefo(self.LOTS, 20, MON)
        assert 3 not in {a.lot_id for a in picked} and sum(a.quantity for a in picked) == 8

    def test_a_lot_expiring_on_the_day_of_use_is_still_usable(self):
        assert allocate_fefo([LotStock(7, MON, 1)], 1, MON)[0].lot_id == 7

    def test_quantity_must_be_positive(self):
        with pytest.raises(ValueError):
            allocate_fefo(self.LOTS, 0, MON)


class TestHomeReorder:
    def test_no_order_while_stock_lasts_until_the_delivery_after_next(self):
        items = {10: HomeItem(on_hand=7)}
        assert propose_home_order(MON, items, plan(MON, 14, {10: 1}), {}, SLOTS, None) is None

    def test_an_order_covers_the_plan_until_the_following_delivery_in_whole_packs(self):
        items = {10: HomeItem(on_hand=3, pack_size=4), 11: HomeItem(on_hand=10, pack_size=1)}
        proposal = propose_home_order(MON, items, plan(MON, 14, {10: 1, 11: 1}), {}, SLOTS, None)
        assert proposal.delivery_date == MON + timedelta(days=2)
        assert proposal.covers_until == MON + timedelta(days=5)
        # variant 10: 2 eaten before Wednesday → 1 left; needs 4 days + 1 safety = 5 → 4 missing → 1 pack
        # variant 11: 8 left on Wednesday, needs 5 → nothing
        assert [(line.variant_id, line.quantity) for line in proposal.lines] == [(10, 4)]
        assert proposal.short_before_delivery == {}

    def test_a_short_lived_product_is_ordered_only_for_the_days_its_freshest_lot_keeps(self):
        """Delivered on Wednesday for Wednesday to Sunday; bread made on Tuesday keeps 3 days
        (to Friday): three units, none left to expire, Saturday's comes with a later van."""
        items = {10: HomeItem(on_hand=0, shelf_life_days=3), 11: HomeItem(on_hand=0, shelf_life_days=180)}
        proposal = propose_home_order(MON, items, plan(MON, 14, {10: 1, 11: 1}), {}, SLOTS, None)
        assert [(line.variant_id, line.quantity, line.use_by) for line in proposal.lines] == [
            (10, 3, MON + timedelta(days=4)), (11, 5, MON + timedelta(days=6))]

    def test_what_is_already_on_its_way_counts_so_a_second_run_orders_nothing(self):
        items = {10: HomeItem(on_hand=3)}
        consumption = plan(MON, 14, {10: 1})
        first = propose_home_order(MON, items, consumption, {}, SLOTS, None)
        incoming = {first.delivery_date: {line.variant_id: line.quantity for line in first.lines}}
        assert propose_home_order(MON, items, consumption, incoming, SLOTS, None) is None

    def test_days_away_consume_nothing_and_take_no_delivery(self):
        items = {10: HomeItem(on_hand=2)}
        away = frozenset(days(MON + timedelta(days=1), 5))  # a hospital stay, Tuesday to Saturday
        proposal = propose_home_order(MON, items, plan(MON, 14, {10: 1}), {}, SLOTS, None, away)
        # Wednesday's delivery is skipped; Monday's meal leaves 1 for Sunday to Tuesday (3)
        # plus a safety day: 3 more, delivered on Sunday.
        assert proposal.delivery_date == MON + timedelta(days=6)
        assert [(line.variant_id, line.quantity) for line in proposal.lines] == [(10, 3)]

    def test_a_gap_before_the_next_delivery_is_reported_as_urgent(self):
        items = {10: HomeItem(on_hand=1)}
        proposal = propose_home_order(MON, items, plan(MON, 14, {10: 1}), {}, SLOTS, None)
        assert proposal.short_before_delivery == {10: MON + timedelta(days=1)}

    def test_the_order_never_overfills_the_appliance(self):
        items = {10: HomeItem(on_hand=0, volume_l=0.5), 11: HomeItem(on_hand=0, volume_l=0.5)}
        proposal = propose_home_order(MON, items, plan(MON, 14, {10: 2, 11: 2}), {}, SLOTS, capacity_l=6.0)
        assert proposal.capacity_limited
        assert sum(line.quantity for line in proposal.lines) * 0.5 <= 6.0
        assert any("full" in note for note in proposal.notes)

    def test_a_variant_the_client_may_no_longer_have_is_never_ordered(self):
        items = {10: HomeItem(on_hand=0, allowed=False), 11: HomeItem(on_hand=0)}
        proposal = propose_home_order(MON, items, plan(MON, 14, {10: 1, 11: 1}), {}, SLOTS, None)
        assert [line.variant_id for line in proposal.lines] == [11]
        assert any("no longer allowed" in note for note in proposal.notes)

    def test_fewer_than_two_delivery_slots_propose_nothing(self):
        assert propose_home_order(MON, {10: HomeItem(0)}, plan(MON, 7, {10: 1}), {}, SLOTS[:1], None) is None


class TestReplenishment:
    RULE = ReorderRule(minimum=20, maximum=100, pack_multiple=12)

    @pytest.mark.parametrize("on_hand, incoming, reserved, expected", [
        (20, 0, 0, 0),          # at the minimum: nothing
        (19, 0, 0, 84),         # 81 short of max → 7 packs of 12
        (10, 30, 25, 96),       # projected 15
        (0, 0, 10, 120),        # projected −10 → 110 → 10 packs
    ])
    def test_below_minimum_orders_up_to_maximum_in_packs(self, on_hand, incoming, reserved, expected):
        assert propose_replenishment(self.RULE, on_hand, incoming, reserved) == expected

    def test_a_rule_must_make_sense(self):
        with pytest.raises(ValueError):
            ReorderRule(minimum=50, maximum=10)
