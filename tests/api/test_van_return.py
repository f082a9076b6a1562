"""What the van still holds when its route ends goes back to the depot (issue 20): a unit
refused at the door rides the van until its last stop is confirmed, then returns to the
depot's warehouse through the stock ledger — unless the route handed that food over too
warm (waste, with the reason) or it rides on for an order still picked onto the van."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from nutriplat.auth.actor import SYSTEM
from nutriplat.delivery.models import DeliveryOrder
from nutriplat.delivery.van_return import return_van_stock
from nutriplat.inventory.models import StockMove
from tests.api.delivery_world import held, order_again, published
from tests.setup_calls import setup


def _refuse_one_of_each(http, day, plan, route, stop, url, chilled_c):
    """Pick the first stop's orders onto the van, deliver it with one frozen and one chilled
    unit refused, confirm every other stop of the route not at home; what the depot held
    before the last stop was confirmed."""
    for order_id in stop["order_ids"]:
        setup(http.post(f"/api/v1/delivery-orders/{order_id}/pick", headers=day.h,
                        json={"vehicle_id": route["van_id"]}))
    frozen, chilled = (next(i for i in stop["items"] if i["storage_class"] == kind) for kind in ("frozen", "chilled"))
    refused = [{"order_id": i["order_id"], "variant_id": i["variant_id"], "units": 1, "reason": "Lust dit niet"}
               for i in (frozen, chilled)]
    setup(http.post(url, headers=day.h, json={"outcome": "delivered", "received_by": "Jan", "chilled_c": chilled_c,
                                              "frozen_c": -19.0, "refused": refused}))
    aboard = held(day, [route["van_id"]])
    others = [s for s in route["stops"] if s["id"] != stop["id"]]
    assert others, "the route has more than one stop"
    for other in others[:-1]:
        setup(http.post(f"/api/v1/route-plans/{plan['id']}/stops/{other['id']}/confirmation", headers=day.h,
                        json={"outcome": "not_home"}))
    assert held(day, [route["van_id"]]) == aboard  # the refused units ride the van while a stop is left
    in_depot = held(day, [day.warehouse])
    setup(http.post(f"/api/v1/route-plans/{plan['id']}/stops/{others[-1]['id']}/confirmation", headers=day.h,
                    json={"outcome": "not_home"}))
    return in_depot


def _moves(day, kind, van):
    with day.uow() as uow:
        return list(uow.session.scalars(select(StockMove).where(StockMove.kind == kind,
                                                                  StockMove.from_location_id == van)))


def test_refused_units_go_back_to_the_depot_when_the_route_ends(http, day):
    plan, route, stop, url = published(http, day)
    van, warehouse = route["van_id"], day.warehouse
    in_depot = _refuse_one_of_each(http, day, plan, route, stop, url, chilled_c=4.0)

    returned = _moves(day, "return", van)
    assert held(day, [van]) == 0 and held(day, [warehouse]) == in_depot + 2
    assert sorted(m.quantity for m in returned) == [1, 1] and {m.to_location_id for m in returned} == {warehouse}
    assert {m.reason for m in returned} == {f"left on the van after route {route['id']} of {day.date.isoformat()}"}
    assert all(m.moved_on == day.date for m in returned) and not _moves(day, "waste", van)
    with day.uow() as uow:  # the same route's end again: nothing more to move
        assert return_van_stock(uow, SYSTEM, plan["id"], route["id"]) == {}
    assert len(_moves(day, "return", van)) == 2


def test_food_handed_over_too_warm_is_thrown_away_not_put_back(http, day):
    plan, route, stop, url = published(http, day)
    van, warehouse = route["van_id"], day.warehouse
    in_depot = _refuse_one_of_each(http, day, plan, route, stop, url, chilled_c=9.5)

    wasted, returned = _moves(day, "waste", van), _moves(day, "return", van)
    assert [(m.quantity, m.to_location_id) for m in wasted] == [(1, None)]
    assert wasted[0].reason == (f"cold chain broken on route {route['id']} of {day.date.isoformat()}: "
                                "chilled food handed over above 7 °C")
    assert [m.quantity for m in returned] == [1]  # the frozen unit was kept cold: back to stock
    assert held(day, [van]) == 0 and held(day, [warehouse]) == in_depot + 1


def test_units_picked_for_another_order_ride_on_and_a_route_still_driving_returns_nothing(http, day):
    plan, route, stop, url = published(http, day)
    van = route["van_id"]
    order_again(day, day.date + timedelta(days=1))
    with day.uow() as uow:
        tomorrows = uow.session.scalar(select(DeliveryOrder.id).where(DeliveryOrder.delivery_date > day.date).limit(1))
    # loaded tonight for tomorrow's round
    setup(http.post(f"/api/v1/delivery-orders/{tomorrows}/pick", headers=day.h, json={"vehicle_id": van}))
    loaded = held(day, [van])
    with day.uow() as uow:
        assert return_van_stock(uow, SYSTEM, plan["id"], route["id"]) == {}  # no stop confirmed yet

    _refuse_one_of_each(http, day, plan, route, stop, url, chilled_c=4.0)

    assert held(day, [van]) == loaded  # the refused two went back; tomorrow's order is still aboard
    assert sorted(m.quantity for m in _moves(day, "return", van)) == [1, 1]
