"""Route plans end to end: orders -> plan (solved inline under TESTING) -> publish ->
manifest JSON/HTML -> confirmation -> stock moves; bad input; edits."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from nutriplat.auth.models import AuditEntry
from nutriplat.delivery.models import DeliveryOrder, RoutePlan
from nutriplat.inventory.models import StockMove
from tests.api.delivery_world import assert_feasible, order_again, solve
from tests.builders import delivery as delivery_scenario
from tests.setup_calls import setup
from tools.demo.simulate_rounds import HANDOVER


def test_a_day_is_planned_published_printed_and_confirmed(http, day, today):
    plan = solve(http, day)
    assert plan["status"] == "done" and plan["progress"]["fraction"] == 1.0, plan
    result = plan["result"]
    served = [s for r in result["routes"] for s in r["stops"]]
    assert sorted(s["client_id"] for s in served) == sorted(day.clients) and result["dropped"] == []
    first = next(r for r in result["routes"] if r["stops"])
    assert first["stops"][0]["eta"].startswith(today.isoformat()) and first["distance_m"] > 0
    assert first["frozen_litres"] == pytest.approx(sum(s["frozen_litres"] for s in first["stops"]))
    assert_feasible(day, plan["id"])

    published = http.post(f"/api/v1/route-plans/{plan['id']}/publish", headers=day.h, json={"version": plan["version"]})
    assert published.status_code == 200 and published.json["published"], published.json
    with day.uow() as uow:
        vans = dict(uow.session.execute(select(DeliveryOrder.id, DeliveryOrder.vehicle_id).where(
            DeliveryOrder.id.in_(day.orders))).all())
    assert vans[first["stops"][0]["order_ids"][0]] == first["van_id"]

    base = f"/api/v1/route-plans/{plan['id']}/routes/{first['id']}"
    manifest = http.get(f"{base}/manifest", headers=day.h).json
    stop = manifest["stops"][0]
    assert [s["id"] for s in manifest["stops"]] == [s["id"] for s in first["stops"]]
    assert stop["access_notes"].startswith("Sleutel") and stop["texture"]["iddsi_food_level"] == "7"
    assert {i["storage_class"] for i in stop["items"]} == {"frozen", "chilled"} and stop["eta"]
    page = http.get(f"{base}/manifest.html", headers=day.h)
    assert page.status_code == 200 and page.mimetype == "text/html"
    html = page.get_data(as_text=True)
    assert "<svg" in html and "<polyline" in html and stop["name"] in html and "Depot" in html
    with day.uow() as uow:
        audited = set(uow.session.scalars(select(AuditEntry.client_id).where(AuditEntry.resource == "route_manifest")))
    assert {s["client_id"] for s in manifest["stops"]} <= audited

    url = f"/api/v1/route-plans/{plan['id']}/stops/{stop['id']}/confirmation"
    confirmed = http.post(url, headers=day.h, json={"outcome": "delivered", "note": "Aan de buurvrouw", **HANDOVER})
    assert confirmed.status_code == 200 and confirmed.json["outcome"] == "delivered", confirmed.json
    again = http.post(url, headers=day.h, json={"outcome": "delivered"})
    assert again.status_code == 200 and again.json["confirmed_at"] == confirmed.json["confirmed_at"]
    other = http.post(url, headers=day.h, json={"outcome": "refused"})
    assert other.status_code == 409 and "outcome" in other.json["errors"]
    with day.uow() as uow:
        moves = list(uow.session.scalars(select(StockMove).where(StockMove.delivery_order_id.in_(stop["order_ids"]))))
        status = uow.session.scalar(select(DeliveryOrder.status).where(DeliveryOrder.id == stop["order_ids"][0]))
    assert moves and {m.kind for m in moves} == {"delivery"} and status == "delivered"

    frozen = http.post(f"/api/v1/route-plans/{plan['id']}/routes/{first['id']}/lock", headers=day.h,
                       json={"locked": True, "version": published.json["version"]})
    assert frozen.status_code == 409 and "published" in frozen.json["message"]


def test_a_stop_is_moved_between_routes_and_an_infeasible_move_is_refused(http, day):
    plan = solve(http, day)
    routes = plan["result"]["routes"]
    source = next(r for r in routes if r["stops"])
    target = next(r for r in routes if r["id"] != source["id"])
    stop = source["stops"][-1]
    moved = http.post(f"/api/v1/route-plans/{plan['id']}/moves", headers=day.h, json={
        "stop_id": stop["id"], "route_id": target["id"], "position": 0, "version": plan["version"]})
    assert moved.status_code == 200, moved.json
    after = {r["id"]: r for r in moved.json["result"]["routes"]}
    assert after[target["id"]]["stops"][0]["id"] == stop["id"] and moved.json["version"] > plan["version"]
    assert_feasible(day, plan["id"])

    stale = http.post(f"/api/v1/route-plans/{plan['id']}/moves", headers=day.h, json={
        "stop_id": stop["id"], "route_id": source["id"], "version": plan["version"]})
    assert stale.status_code == 409 and "version" in stale.json["errors"]

    with day.uow() as uow:  # a client who can only be served before the van's shift starts
        window = uow.session.get_one(RoutePlan, plan["id"]).stops[0]
        window.window_start_s, window.window_end_s = 6 * 3600, 7 * 3600
        uow.commit()
        early = window.id
    where = next(r["id"] for r in moved.json["result"]["routes"] if any(s["id"] == early for s in r["stops"]))
    refused = http.post(f"/api/v1/route-plans/{plan['id']}/moves", headers=day.h, json={
        "stop_id": early, "route_id": where, "position": 0, "version": moved.json["version"]})
    assert refused.status_code == 409 and "outside its time windows" in " ".join(refused.json["errors"]["route_id"])


def test_a_locked_route_survives_reoptimisation(http, day):
    plan = solve(http, day)
    route = next(r for r in plan["result"]["routes"] if r["stops"])
    locked = setup(http.post(f"/api/v1/route-plans/{plan['id']}/routes/{route['id']}/lock", headers=day.h,
                             json={"locked": True, "version": plan["version"]}))
    again = http.post(f"/api/v1/route-plans/{plan['id']}/reoptimisation", headers=day.h,
                      json={"version": locked["version"], "time_limit_s": 1})
    assert again.status_code == 202 and again.json["status"] == "done", again.json
    kept = next(r for r in again.json["result"]["routes"] if r["id"] == route["id"])
    assert kept["locked"] and [s["id"] for s in kept["stops"]] == [s["id"] for s in route["stops"]]
    served = [s["client_id"] for r in again.json["result"]["routes"] for s in r["stops"]]
    assert sorted(served) == sorted(day.clients)
    assert_feasible(day, plan["id"])


def test_an_over_full_day_names_each_dropped_stop_and_why(http, day):
    small = {"capacity_l": 20, "freezer_l": 1, "chilled_l": 10}  # one stop (0.9 l frozen) per van
    for van in day.vans:
        assert http.patch(f"/api/v1/vans/{van['id']}", headers=day.h, json=small).status_code == 200
    plan = solve(http, day)
    dropped = plan["result"]["dropped"]
    assert len(dropped) == 6 and all(d["reason"] for d in dropped)
    assert all("capacity" in d["reason"] or "fit the day" in d["reason"] for d in dropped)
    assert {d["client_id"] for d in dropped} <= set(day.clients)
    assert_feasible(day, plan["id"])


def test_bad_requests_are_refused_before_anything_is_written(http, day, world, today):
    post = lambda body: http.post("/api/v1/route-plans", headers=day.h, json=body)  # noqa: E731
    body = {"depot_id": day.warehouse, "date": today.isoformat(), "time_limit_s": 1}
    assert post(body | {"depot_id": 999_999}).status_code == 404
    stranger = world.person("otto", "logistics", organisation="Provider B")
    assert http.post("/api/v1/route-plans", headers=stranger.headers, json=body).status_code == 404
    empty = post(body | {"date": (today + timedelta(days=3)).isoformat()})
    assert empty.status_code == 422 and "date" in empty.json["errors"]
    for limit in (0, -1, 100_000, "5"):
        bad = post(body | {"time_limit_s": limit})
        assert bad.status_code == 422 and "time_limit_s" in bad.json["errors"], limit
    assert post(body | {"date": (today - timedelta(days=1)).isoformat()}).status_code == 422
    with day.uow() as uow:
        delivery_scenario.client_orders(uow.session, day.organisation, day.warehouse, day.products, today, [None])
        uow.commit()
    nowhere = post(body)
    assert nowhere.status_code == 422 and "no coordinates" in nowhere.json["errors"]["clients"][0]
    with day.uow() as uow:
        assert uow.session.scalar(select(RoutePlan.id)) is None


def test_a_second_solve_of_a_running_day_is_a_conflict(http, day, app, today):
    from nutriplat.delivery.planning import runs

    with day.uow() as uow:
        plan = runs.start_plan(uow, _system(), day.warehouse, today, 1)  # queued, not solved yet
    second = http.post("/api/v1/route-plans", headers=day.h, json={
        "depot_id": day.warehouse, "date": today.isoformat(), "time_limit_s": 1})
    assert second.status_code == 409 and "date" in second.json["errors"]
    cancelled = http.post(f"/api/v1/route-plans/{plan.id}/cancel", headers=day.h)
    assert cancelled.status_code == 200
    from nutriplat.delivery.planning.solve import solve_plan
    assert solve_plan(day.uow, plan.id) == "cancelled"
    assert solve(http, day)["status"] == "done"


def test_plans_of_a_day_are_listed_and_another_organisation_sees_none(http, day, world, today):
    plan = solve(http, day)
    listed = http.get(f"/api/v1/route-plans?date={today.isoformat()}", headers=day.h).json
    assert [p["id"] for p in listed] == [plan["id"]] and "result" not in listed[0]
    stranger = world.person("otto", "logistics", organisation="Provider B")
    assert http.get(f"/api/v1/route-plans?date={today.isoformat()}", headers=stranger.headers).json == []
    assert http.get(f"/api/v1/route-plans/{plan['id']}", headers=stranger.headers).status_code == 404
    route = plan["result"]["routes"][0]["id"]
    assert http.get(f"/api/v1/route-plans/{plan['id']}/routes/{route}/manifest",
                    headers=stranger.headers).status_code == 404


def _system():
    from nutriplat.auth.actor import SYSTEM
    return SYSTEM


def test_the_next_day_prefers_the_driver_who_served_each_client_last(http, day, today):
    plan = solve(http, day)
    setup(http.post(f"/api/v1/route-plans/{plan['id']}/publish", headers=day.h, json={"version": plan["version"]}))
    drove = {s["client_id"]: r["driver_id"] for r in plan["result"]["routes"] for s in r["stops"]}
    tomorrow = today + timedelta(days=1)
    order_again(day, tomorrow)
    nextday = solve(http, day, date=tomorrow.isoformat())
    stops = [s for r in nextday["result"]["routes"] for s in r["stops"]]
    assert {s["client_id"]: s["last_driver_id"] for s in stops} == drove


def test_a_stop_is_confirmed_only_on_a_published_plan_from_its_day_on(http, day, today):
    tomorrow = today + timedelta(days=1)
    order_again(day, tomorrow)
    plan = solve(http, day, date=tomorrow.isoformat())
    stop = next(s for r in plan["result"]["routes"] for s in r["stops"])
    url = f"/api/v1/route-plans/{plan['id']}/stops/{stop['id']}/confirmation"
    draft = http.post(url, headers=day.h, json={"outcome": "delivered"})
    assert draft.status_code == 409 and "not published" in draft.json["message"]
    assert http.post(url, headers=day.h, json={"outcome": "lost"}).status_code == 422
    setup(http.post(f"/api/v1/route-plans/{plan['id']}/publish", headers=day.h, json={"version": plan["version"]}))
    early = http.post(url, headers=day.h, json={"outcome": "delivered"})
    assert early.status_code == 409 and "outcome" in early.json["errors"]
    again = http.post(f"/api/v1/route-plans/{plan['id']}/publish", headers=day.h, json={"version": plan["version"]})
    assert again.status_code == 409
    second = http.post("/api/v1/route-plans", headers=day.h, json={
        "depot_id": day.warehouse, "date": tomorrow.isoformat(), "time_limit_s": 1})
    assert second.status_code == 409 and "published" in second.json["message"]
