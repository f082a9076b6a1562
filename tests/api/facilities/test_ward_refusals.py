"""Issue 16/20 follow-up, item 1: trays refused at a facility's door. The stop's proof of
delivery names the refused units of a ward crate, as for a home: they come off the crate
(the order says what the ward got, billing counts it) and stay in the van's stock; only
the rest moves into the ward's location. Too many units refused is a 422 naming
``refused``, with nothing written."""
from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import select

from nutriplat.delivery.models import DeliveryOrder
from nutriplat.inventory.models import Location, StockMove
from tests.api.facilities.ward_world import confirm_at_the_door, to_the_door

pytestmark = pytest.mark.business_day("2026-12-07")


def confirm(http, door, crate, refused):
    return confirm_at_the_door(http, door, [{"order_id": crate["order"], "variant_id": variant, "units": n,
                                             "reason": "wrong texture"} for variant, n in refused.items()])


def test_refused_trays_stay_in_the_van_and_come_off_the_crate(http, served, crate, at_the_door):
    variant = at_the_door["units"].most_common(1)[0][0]
    refused = {variant: 1}
    confirmed = confirm(http, at_the_door, crate, refused)
    assert confirmed.status_code == 200, confirmed.json
    assert [(r["variant_id"], r["units"]) for r in confirmed.json["proof"]["refused"]] == [(variant, 1)]
    with served["uow"]() as uow:
        order = uow.session.get_one(DeliveryOrder, crate["order"])
        ward = uow.session.scalars(select(Location.id).where(Location.ward_id == served["ward"])).one()
        moves = list(uow.session.scalars(select(StockMove).where(StockMove.delivery_order_id == order.id)))
        got: Counter[int] = Counter()
        for line in order.lines:
            got[line.variant_id] += line.quantity
        assert order.status == "delivered"
        assert got == at_the_door["units"] - Counter(refused)  # the crate says what the ward got
        delivered = [m for m in moves if m.kind == "delivery"]
        assert {(m.from_location_id, m.to_location_id) for m in delivered} == {(served["van"], ward)}
        assert sum(m.quantity for m in delivered) == sum(got.values())
        picked_on = sum(m.quantity for m in moves if m.kind == "pick" and m.to_location_id == served["van"])
        # what was picked onto the van and not delivered is still aboard: the refused tray
        assert picked_on - sum(m.quantity for m in delivered) == 1
        assert not [m for m in moves if m.kind == "return"]


def test_refusing_more_than_the_crate_carries_is_refused_and_writes_nothing(http, served, crate, at_the_door):
    variant, carried = at_the_door["units"].most_common(1)[0]
    response = confirm(http, at_the_door, crate, {variant: carried + 1})
    assert response.status_code == 422 and "refused" in response.json["errors"], response.json
    with served["uow"]() as uow:
        order = uow.session.get_one(DeliveryOrder, crate["order"])
        assert order.status == "picked" and sum(line.quantity for line in order.lines) == sum(
            at_the_door["units"].values())


def test_every_tray_refused_sends_the_crate_back_to_the_depot(http, served, crate, at_the_door):
    confirmed = confirm(http, at_the_door, crate, dict(at_the_door["units"]))
    assert confirmed.status_code == 200, confirmed.json
    with served["uow"]() as uow:
        order = uow.session.get_one(DeliveryOrder, crate["order"])
        back = list(uow.session.scalars(select(StockMove).where(StockMove.delivery_order_id == order.id,
                                                                StockMove.kind == "return")))
        assert order.status == "refused"
        assert {(m.from_location_id, m.to_location_id) for m in back} == {(served["van"], served["warehouse"])}
        assert sum(m.quantity for m in back) == sum(at_the_door["units"].values())


def test_refused_trays_of_a_crate_not_picked_stay_at_the_depot(http, world, served, crate):
    door = to_the_door(http, world, served, crate, picked=False)
    variant = door["units"].most_common(1)[0][0]
    confirmed = confirm(http, door, crate, {variant: 1})
    assert confirmed.status_code == 200, confirmed.json
    with served["uow"]() as uow:
        order = uow.session.get_one(DeliveryOrder, crate["order"])
        moves = list(uow.session.scalars(select(StockMove).where(StockMove.delivery_order_id == order.id)))
        assert order.status == "delivered"
        assert {(m.kind, m.from_location_id) for m in moves} == {("delivery", served["warehouse"])}
        assert sum(m.quantity for m in moves) == sum(line.quantity for line in order.lines) == \
            sum(door["units"].values()) - 1
