"""A stop with nothing left to bring is dropped from its route (issue 20, short stops): a
client admitted to hospital after the routes were planned, or an order cancelled by hand;
the driver is not sent to the door, the plan says why, and the route is timed again from
the stops left, in their order (distance, arrival times; the manifest shows them)."""
from __future__ import annotations

from itertools import pairwise

from sqlalchemy import select

from nutriplat.auth.actor import SYSTEM
from nutriplat.auth.models import AuditEntry
from nutriplat.delivery.cancellation import cancel_planned
from nutriplat.delivery.models import DeliveryOrder, PlannedStop, RoutePlan
from nutriplat.delivery.planning.problem import matrix_of, problem_of
from tests.api.delivery_world import assert_feasible, published
from tests.setup_calls import setup


def test_a_stop_whose_only_order_is_cancelled_by_hand_is_dropped_and_never_confirmed(http, day):
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


def test_the_nights_cancellation_drops_only_a_stop_left_empty(http, day):
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


def test_the_route_is_timed_again_without_the_dropped_stop_in_the_same_order(http, day):
    plan, route, _, _ = published(http, day)
    before = route["stops"]
    gone, kept = before[0], before[1:]
    assert kept, "the route has more than one stop"

    for order_id in gone["order_ids"]:
        setup(http.post(f"/api/v1/delivery-orders/{order_id}/cancel", headers=day.h, json={"reason": "opname"}))

    shown = http.get(f"/api/v1/route-plans/{plan['id']}", headers=day.h).json
    after = next(r for r in shown["result"]["routes"] if r["id"] == route["id"])
    assert [s["id"] for s in after["stops"]] == [s["id"] for s in kept]  # the driver's order stays
    assert [s["sequence"] for s in after["stops"]] == list(range(len(kept)))
    assert after["stops"][0]["eta"] < kept[0]["eta"]  # the gap is closed: the next client is reached sooner
    assert all(new["eta"] <= old["eta"] for new, old in zip(after["stops"], kept, strict=True))
    with day.uow() as uow:  # the distance is the legs of the stops left, depot to depot
        stored = uow.session.get_one(RoutePlan, plan["id"])
        problem = problem_of(stored, stored.routes, stored.stops)
        distance, index = matrix_of(problem).distance, problem.stop_index()
        path = [0] + [index[f"stop {s['id']}"] for s in kept] + [0]
        assert after["distance_m"] == sum(int(distance[a, b]) for a, b in pairwise(path)) < route["distance_m"]
        retimed = uow.session.scalars(select(AuditEntry).where(AuditEntry.action == "retime")).one()
    assert retimed.resource == "route_plan" and retimed.resource_id == str(plan["id"])
    assert retimed.detail["dropped_stop_id"] == gone["id"] and retimed.detail["faults"] == []
    assert (retimed.detail["distance_m_before"], retimed.detail["distance_m_after"]) == (
        route["distance_m"], after["distance_m"])
    assert_feasible(day, plan["id"])
    sheet = http.get(f"/api/v1/route-plans/{plan['id']}/routes/{route['id']}/manifest", headers=day.h).json
    assert [(s["id"], s["eta"]) for s in sheet["stops"]] == [(s["id"], s["eta"]) for s in after["stops"]]


def test_a_route_left_without_stops_is_an_unused_van(http, day):
    plan, route, _, _ = published(http, day)
    for stop in route["stops"]:
        for order_id in stop["order_ids"]:
            setup(http.post(f"/api/v1/delivery-orders/{order_id}/cancel", headers=day.h, json={"reason": "stop"}))

    shown = http.get(f"/api/v1/route-plans/{plan['id']}", headers=day.h).json
    after = next(r for r in shown["result"]["routes"] if r["id"] == route["id"])
    assert (after["stops"], after["distance_m"], after["start"], after["duration_s"]) == ([], 0, None, 0)
