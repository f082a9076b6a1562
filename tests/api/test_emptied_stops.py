"""A stop with nothing left to bring is dropped from its route (issue 20, short stops): a
client admitted to hospital after the routes were planned, or an order cancelled by hand;
the driver is not sent to the door, and the plan says why."""
from __future__ import annotations

from sqlalchemy import select

from nutriplat.auth.actor import SYSTEM
from nutriplat.delivery.cancellation import cancel_planned
from nutriplat.delivery.models import DeliveryOrder, PlannedStop
from tests.api.test_delivery_routes import day  # noqa: F401 - the fixture
from tests.api.test_proof_of_delivery import published


def test_a_stop_whose_only_order_is_cancelled_by_hand_is_dropped_and_never_confirmed(http, day):  # noqa: F811
    plan, _, stop, url = published(http, day)

    for order_id in stop["order_ids"]:
        cancelled = http.post(f"/api/v1/delivery-orders/{order_id}/cancel", headers=day.h, json={"reason": "bellen"})
        assert cancelled.status_code == 200, cancelled.json

    shown = http.get(f"/api/v1/route-plans/{plan['id']}", headers=day.h).json
    dropped = {s["id"]: s["reason"] for s in shown["result"]["dropped"]}
    assert dropped[stop["id"]] == "nothing left to deliver: cancelled: bellen"
    assert stop["id"] not in {s["id"] for r in shown["result"]["routes"] for s in r["stops"]}
    confirmed = http.post(url, headers=day.h, json={"outcome": "delivered", "received_by": "x"})
    assert confirmed.status_code == 409 and "dropped" in confirmed.json["message"]


def test_the_nights_cancellation_drops_only_a_stop_left_empty(http, day):  # noqa: F811
    plan, _, stop, _ = published(http, day)
    other = next(s for r in plan["result"]["routes"] for s in r["stops"] if s["id"] != stop["id"])
    with day.uow() as uow:
        client_of = dict(uow.session.execute(select(DeliveryOrder.id, DeliveryOrder.client_id).where(
            DeliveryOrder.id.in_(stop["order_ids"] + other["order_ids"]))).all())
        client = client_of[stop["order_ids"][0]]
        cancel_planned(uow.session, SYSTEM, client, day.organisation, stop["order_ids"],
                       "cancelled: client is admitted in hospital")
        uow.commit()

    with day.uow() as uow:
        mine, theirs = uow.session.get_one(PlannedStop, stop["id"]), uow.session.get_one(PlannedStop, other["id"])
        assert mine.route_id is None and mine.sequence is None
        assert mine.drop_reason == "nothing left to deliver: cancelled: client is admitted in hospital"
        assert theirs.route_id is not None and theirs.drop_reason is None
