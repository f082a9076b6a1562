"""A refusal naming a ward resident comes off that resident's tray of the product, not
another resident's line of the same dish (no database: the order's objects only)."""
from __future__ import annotations

import pytest

from nutriplat.delivery.domain.proof import Refusal
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine
from nutriplat.delivery.tray_refusals import by_tray, take_back_trays
from nutriplat.errors import Conflict


def crate() -> DeliveryOrder:
    def tray(resident: int, variant: int, units: int) -> DeliveryOrderLine:
        return DeliveryOrderLine(variant_id=variant, dish_id=variant * 10, texture="food:4", quantity=units,
                                 client_id=resident)
    return DeliveryOrder(id=1, lines=[tray(7, 3, 2), tray(8, 3, 2), tray(8, 4, 1)])


def test_the_named_residents_tray_is_lowered_and_the_others_kept():
    order = crate()
    take_back_trays(order, by_tray(order, [Refusal(1, 3, 1, client_id=7), Refusal(1, 4, 1, client_id=8)]))
    assert [(line.client_id, line.variant_id, line.quantity) for line in order.lines] == [(7, 3, 1), (8, 3, 2)]


def test_refusals_without_a_resident_are_left_to_the_crate_wide_take_back():
    order = crate()
    assert by_tray(order, [Refusal(1, 3, 1)]) == {}
    take_back_trays(order, {})
    assert sum(line.quantity for line in order.lines) == 5


def test_every_tray_refused_leaves_nothing_to_deliver():
    order = crate()
    with pytest.raises(Conflict):
        take_back_trays(order, by_tray(order, [Refusal(1, 3, 2, client_id=7), Refusal(1, 3, 2, client_id=8),
                                               Refusal(1, 4, 1, client_id=8)]))
