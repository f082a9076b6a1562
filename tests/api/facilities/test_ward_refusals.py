"""Issue 16/20 follow-up, item 1: trays refused at a facility's door. The stop's proof of
delivery names the refused units of a ward crate, as for a home: they come off the crate
(the order says what the ward got, billing counts it) and stay in the van's stock; only
the rest moves into the ward's location. Too many units refused is a 422 naming
``refused``, with nothing written."""
from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from nutriplat.clock import BRUSSELS, clock_set_to
from nutriplat.delivery.models import DeliveryOrder
from nutriplat.inventory.models import Location, StockMove
from tests.api.facilities.test_facility_stops import crate  # noqa: F401 - the fixture
from tests.facilities_world import THURSDAY
from tests.setup_calls import setup

pytestmark = pytest.mark.business_day("2026-12-07")
THURSDAY_MORNING = datetime.combine(THURSDAY, datetime.min.time(), BRUSSELS) + timedelta(hours=6)


@pytest.fixture
def at_the_door(http, world, served, crate):  # noqa: F811
    """The crate picked onto the van, on Thursday's published plan."""
    return to_the_door(http, world, served, crate, picked=True)


def to_the_door(http, world, served, crate, picked):  # noqa: F811
    """Thursday's published plan with the crate (picked onto the van or not): its stop and
    the crate's units per variant."""
    h = crate["h"]
    driver = setup(http.post("/api/v1/drivers", headers=h, json={"name": "Luc"}))
    setup(http.post("/api/v1/vans", headers=h, json={
        "depot_id": served["warehouse"], "location_id": served["van"], "driver_id": driver["id"], "capacity_l": 400,
        "capacity_kg": 500, "freezer_l": 150, "chilled_l": 150, "shift_start": "07:00:00", "shift_end": "17:00:00",
        "break_earliest": "11:30:00", "break_latest": "13:00:00", "break_minutes": 30, "fixed_cost_eur": "20.00"}))
    if picked:
        lines = setup(http.post(f"/api/v1/delivery-orders/{crate['order']}/pick", headers=h,
                                json={"vehicle_id": served["van"]}))["lines"]
    else:
        (order,) = setup(http.get("/api/v1/delivery-orders", headers=h, query_string={"date": THURSDAY.isoformat()}))
        lines = order["lines"]
    plan = http.post("/api/v1/route-plans", headers=h, json={
        "depot_id": served["warehouse"], "date": THURSDAY.isoformat(), "time_limit_s": 1}).json
    assert plan["status"] == "done", plan
    setup(http.post(f"/api/v1/route-plans/{plan['id']}/publish", headers=h, json={"version": plan["version"]}))
    (stop,) = [s for r in plan["result"]["routes"] for s in r["stops"]]
    units: Counter[int] = Counter()
    for line in lines:
        units[line["variant_id"]] += line["quantity"]
    return {"plan": plan["id"], "stop": stop["id"], "units": units, "world": world}


def confirm(http, door, crate, refused):  # noqa: F811
    with clock_set_to(THURSDAY_MORNING):  # the driver at the door on Thursday
        return http.post(f"/api/v1/route-plans/{door['plan']}/stops/{door['stop']}/confirmation",
                         headers=door["world"].person("luc", "logistics").headers, json={
                             "outcome": "delivered", "received_by": "the ward's nurse", "chilled_c": 3.5,
                             "frozen_c": -19.0, "refused": [{"order_id": crate["order"], "variant_id": variant,
                                                             "units": n, "reason": "wrong texture"}
                                                            for variant, n in refused.items()]})


def test_refused_trays_stay_in_the_van_and_come_off_the_crate(http, served, crate, at_the_door):  # noqa: F811
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


def test_refusing_more_than_the_crate_carries_is_refused_and_writes_nothing(http, served, crate, at_the_door):  # noqa: F811
    variant, carried = at_the_door["units"].most_common(1)[0]
    response = confirm(http, at_the_door, crate, {variant: carried + 1})
    assert response.status_code == 422 and "refused" in response.json["errors"], response.json
    with served["uow"]() as uow:
        order = uow.session.get_one(DeliveryOrder, crate["order"])
        assert order.status == "picked" and sum(line.quantity for line in order.lines) == sum(
            at_the_door["units"].values())


def test_every_tray_refused_sends_the_crate_back_to_the_depot(http, served, crate, at_the_door):  # noqa: F811
    confirmed = confirm(http, at_the_door, crate, dict(at_the_door["units"]))
    assert confirmed.status_code == 200, confirmed.json
    with served["uow"]() as uow:
        order = uow.session.get_one(DeliveryOrder, crate["order"])
        back = list(uow.session.scalars(select(StockMove).where(StockMove.delivery_order_id == order.id,
                                                                StockMove.kind == "return")))
        assert order.status == "refused"
        assert {(m.from_location_id, m.to_location_id) for m in back} == {(served["van"], served["warehouse"])}
        assert sum(m.quantity for m in back) == sum(at_the_door["units"].values())


def test_refused_trays_of_a_crate_not_picked_stay_at_the_depot(http, world, served, crate):  # noqa: F811
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
