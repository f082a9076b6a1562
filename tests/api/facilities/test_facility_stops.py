"""Issue 16 item 5: a facility is one stop on the route. The ward order of De Vlasbloem's
ward Lelie (made Monday for Thursday) leaves from the route depot nearest the site, joins
Thursday's plan as one stop at the site (its window and unloading time from the service
agreement), is listed per ward crate on the manifest, is picked tray by tray (each tray
checked again against its resident), cancelled while planned, and confirmed at the stop:
the units go to the ward's stock location, each move naming its resident."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from nutriplat.clock import clock_set_to
from nutriplat.delivery.models import DeliveryOrder
from nutriplat.inventory.models import Location, StockMove
from tests.api.facilities.ward_world import THURSDAY_MORNING, van_with_driver
from tests.conftest import TEST_PASSWORD
from tests.facilities_world import THURSDAY
from tests.setup_calls import setup

pytestmark = pytest.mark.business_day("2026-12-07")


def test_a_ward_order_leaves_from_the_route_depot(served, crate):
    assert crate["warehouse"] == served["warehouse"]


def test_the_facility_is_one_stop_of_the_route_in_its_agreed_window_and_confirmed_into_the_ward(
        http, world, served, crate):
    h = crate["h"]
    van_with_driver(http, h, served)
    plan = http.post("/api/v1/route-plans", headers=h, json={
        "depot_id": served["warehouse"], "date": THURSDAY.isoformat(), "time_limit_s": 1}).json
    assert plan["status"] == "done", plan
    stops = [s for r in plan["result"]["routes"] for s in r["stops"]]
    assert [(s["client_id"], s["site_id"], s["order_ids"]) for s in stops] == [
        (None, served["site"], [crate["order"]])]
    stop = stops[0]
    assert stop["window"]["start"].startswith(f"{THURSDAY}T08:00") and stop["window"]["end"][11:16] == "10:30"
    assert "08:00" <= stop["eta"][11:16] <= "10:30" and stop["frozen_litres"] + stop["chilled_litres"] > 0
    published = setup(http.post(f"/api/v1/route-plans/{plan['id']}/publish", headers=h,
                                json={"version": plan["version"]}))
    route = next(r for r in plan["result"]["routes"] if r["stops"])
    manifest = http.get(f"/api/v1/route-plans/{plan['id']}/routes/{route['id']}/manifest", headers=h).json
    (entry,) = manifest["stops"]
    assert entry["name"].startswith("De Vlasbloem") and entry["client_id"] is None
    assert [c["ward"] for c in entry["crates"]] == ["Lelie"] and entry["crates"][0]["items"]
    assert "Lelie" in http.get(f"/api/v1/route-plans/{plan['id']}/routes/{route['id']}/manifest.html",
                               headers=h).get_data(as_text=True)
    with clock_set_to(THURSDAY_MORNING):  # the driver at the door on Thursday
        driver_side = world.person("luc", "logistics").headers
        confirmed = http.post(f"/api/v1/route-plans/{plan['id']}/stops/{stop['id']}/confirmation",
                              headers=driver_side, json={"outcome": "delivered", "received_by": "the ward's nurse",
                                                            "chilled_c": 3.5, "frozen_c": -19.0})
        assert confirmed.status_code == 200 and published["published"], confirmed.json
    with served["uow"]() as uow:
        order = uow.session.get_one(DeliveryOrder, crate["order"])
        ward_location = uow.session.scalars(select(Location).where(Location.ward_id == served["ward"])).one()
        moves = list(uow.session.scalars(select(StockMove).where(StockMove.delivery_order_id == order.id)))
        assert order.status == "delivered"
        assert {(m.kind, m.to_location_id) for m in moves} == {("delivery", ward_location.id)}
        assert {m.client_id for m in moves} == set(served["residents"])  # a recall finds each tray
        assert sum(m.quantity for m in moves) == sum(line.quantity for line in order.lines)


def test_a_ward_order_is_picked_tray_by_tray_and_a_resident_who_left_is_not_packed(http, world, served, crate):
    gone = served["residents"][1]
    with clock_set_to(THURSDAY_MORNING):  # after the cut-off: the crate stays as ordered (a kitchen task)
        token = http.post("/api/v1/auth/token", json={"username": "dora", "password": TEST_PASSWORD}).json
        setup(http.post(f"/api/v1/clients/{gone}/care-setting-transfers", json={
            "transferred_on": THURSDAY.isoformat(), "to_setting": "home", "reason": "discharge"},
            headers={"Authorization": f"Bearer {token['access_token']}"}))
        picked = http.post(f"/api/v1/delivery-orders/{crate['order']}/pick", json={"vehicle_id": served["van"]},
                           headers=world.person("piet", "logistics").headers)
    assert picked.status_code == 200, picked.json
    lines = picked.json["lines"]
    assert picked.json["status"] == "picked" and all(ln["lot_id"] for ln in lines)
    assert {ln["client_id"] for ln in lines} == {served["residents"][0]} and "left the ward" in picked.json["note"]
    assert {ln["meal_moment"] for ln in lines} == {"lunch", "dinner"}
    again = http.post(f"/api/v1/delivery-orders/{crate['order']}/cancel", headers=crate["h"], json={})
    assert again.status_code == 409 and "status" in again.json["errors"]


def test_a_planned_ward_order_is_cancelled(http, crate):
    cancelled = http.post(f"/api/v1/delivery-orders/{crate['order']}/cancel", headers=crate["h"],
                          json={"reason": "facility closed for a day"})
    assert cancelled.status_code == 200 and cancelled.json["status"] == "cancelled", cancelled.json


def test_a_receiving_window_that_closes_before_it_opens_is_refused(http, facilities):
    refused = http.post("/api/v1/service-agreements", headers=facilities["admin"].headers, json={
        "facility_id": facilities["azdelta"]["facility_id"], "ward_ids": [facilities["azdelta"]["ward"]],
        "meal_moments": ["lunch"], "delivery_days": [1], "cutoff_time": "14:00:00", "pricing": "per_meal",
        "price_eur": "9.80", "invoice_to": "facility", "valid_from": "2026-12-01",
        "window_opens": "10:00:00", "window_closes": "09:00:00"})
    assert refused.status_code == 422 and "window_closes" in refused.json["errors"]
