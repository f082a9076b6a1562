"""Issue 20 item 2 at wards and vans: a recall of a lot that went into a ward's crate lists
the ward (and a van holding the lot) with its units; the ward's stock is collected at the
facility's next stop (collect lines per resident whose trays drew on the lot, a stop of its
own when no crate comes that day) with a replacement tray per resident on that day's
crate; the van's units stay frozen aboard and are accounted as collected when its route is
done; the recall closes only when the ward's and the van's units are accounted for too."""
from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from nutriplat.clock import BRUSSELS, clock_set_to
from nutriplat.delivery.models import DeliveryOrder, KitchenTask, RecallPickup
from nutriplat.inventory.models import Location, Lot
from tests.api.facilities.ward_world import places
from tests.facilities_world import MONDAY, THURSDAY
from tests.setup_calls import setup
from tools.builders import stock as scenario

pytestmark = pytest.mark.business_day("2026-12-07")
NEXT_MONDAY = MONDAY + timedelta(days=7)
# Recalled on Monday: the ward's next delivery day is Thursday (its crate was delivered
# already in this story, so the collect lines make a stop of their own).


def test_the_recall_lists_the_ward_and_the_van_with_their_units(served, delivered, recalled):
    found = places(recalled["recall"])
    on_lot = sum(m.quantity for m in delivered["moves"] if m.lot_id == delivered["lot"])
    assert found["ward"]["ward_id"] == served["ward"] and found["ward"]["units_held"] == on_lot
    assert found["vehicle"]["location_id"] == served["van"] and found["vehicle"]["units_held"] == 1
    assert recalled["recall"]["status"] == "open"


def test_the_wards_stock_is_collected_per_resident_at_the_facilitys_next_stop(
        http, world, served, delivered, recalled):
    ward_place = places(recalled["recall"])["ward"]
    with served["uow"]() as uow:
        pickups = uow.session.scalars(select(RecallPickup).where(
            RecallPickup.recall_id == recalled["recall"]["id"])).all()
        ward_location = uow.session.scalar(select(Location.id).where(Location.ward_id == served["ward"]))
    residents = {m.client_id: 0 for m in delivered["moves"] if m.lot_id == delivered["lot"]}
    assert {p.client_id for p in pickups} == set(residents) and {p.location_id for p in pickups} == {ward_location}
    assert sum(p.units for p in pickups) == ward_place["units_held"]
    assert {(p.due_on, p.warehouse_id, p.replacement_order_id) for p in pickups} == {
        (THURSDAY, served["warehouse"], None)}

    with clock_set_to(datetime.combine(THURSDAY, datetime.min.time(), BRUSSELS) + timedelta(hours=6)):
        h = world.person("luc-recall", "logistics").headers
        driver = setup(http.post("/api/v1/drivers", headers=h, json={"name": "Luc"}))
        setup(http.post("/api/v1/vans", headers=h, json={
            "depot_id": served["warehouse"], "location_id": served["van"], "driver_id": driver["id"],
            "capacity_l": 400, "capacity_kg": 500, "freezer_l": 150, "chilled_l": 150, "shift_start": "07:00:00",
            "shift_end": "17:00:00", "break_earliest": "11:30:00", "break_latest": "13:00:00", "break_minutes": 30,
            "fixed_cost_eur": "20.00"}))
        plan = setup(http.post("/api/v1/route-plans", headers=h, json={
            "depot_id": served["warehouse"], "date": THURSDAY.isoformat(), "time_limit_s": 1}))
        (stop,) = [s for r in plan["result"]["routes"] for s in r["stops"] if s["site_id"] == served["site"]]
        assert stop["order_ids"] == [] and sorted(stop["pickup_ids"]) == sorted(p.id for p in pickups)
        setup(http.post(f"/api/v1/route-plans/{plan['id']}/publish", headers=h, json={"version": plan["version"]}))
        route = next(r for r in plan["result"]["routes"] if r["stops"])
        sheet = setup(http.get(f"/api/v1/route-plans/{plan['id']}/routes/{route['id']}/manifest", headers=h))
        (entry,) = [s for s in sheet["stops"] if s["site_id"] == served["site"]]
        assert entry["facility_name"] == "De Vlasbloem" and sum(c["units"] for c in entry["collect"]) == \
            ward_place["units_held"]
        confirmed = http.post(f"/api/v1/route-plans/{plan['id']}/stops/{stop['id']}/confirmation", headers=h,
                              json={"outcome": "delivered", "received_by": "Verpleegkundige An"})
        assert confirmed.status_code == 200, confirmed.json
    recall = setup(http.get(f"/api/v1/recalls/{recalled['recall']['id']}", headers=recalled["h"]))
    assert places(recall)["ward"]["units_outstanding"] == 0
    # the route's only stop confirmed: the van is back at the depot with the recalled unit aboard
    van = places(recall)["vehicle"]
    assert van["units_outstanding"] == 0 and van["units_accounted"] == 1
    report = setup(http.get(f"/api/v1/recalls/{recalled['recall']['id']}/report", headers=recalled["h"]))
    assert {(s["kind"], s["outcome"]) for s in report["steps"]} == {("ward", "collected"), ("vehicle", "collected")}
    assert any("returned to the depot" in (s["note"] or "") for s in report["steps"] if s["kind"] == "vehicle")
    assert recall["status"] == "open"  # the depot's own units are still to account for


def test_the_recall_closes_only_when_ward_and_van_units_are_accounted(http, served, recalled):
    h, recall_id = recalled["h"], recalled["recall"]["id"]
    order = sorted(recalled["recall"]["locations"], key=lambda p: p["kind"] == "ward")  # the ward last
    for place in order:
        done = setup(http.post(f"/api/v1/recalls/{recall_id}/locations/{place['location_id']}/account",
                               headers=h, json={"outcome": "collected", "units": place["units_held"]}))
        assert done["status"] == ("closed" if place is order[-1] else "open"), (place["kind"], done)


def test_recalls_check_role_and_organisation(http, world, facilities, delivered):
    lot = delivered["lot"]
    stranger = world.person("otto-recall", "logistics", organisation="Provider B")
    refused = http.post(f"/api/v1/lots/{lot}/recall", headers=stranger.headers,
                        json={"reason": "x", "severity": "high"})
    assert refused.status_code == 404
    staff = facilities["vlasbloem"]["staff"]
    assert http.post(f"/api/v1/lots/{lot}/recall", headers=staff.headers,
                     json={"reason": "x", "severity": "high"}).status_code == 403


def test_after_the_cutoff_the_replacements_are_a_kitchen_task_on_the_crate(
        served, delivered, recalled):
    """Thursday's crate left already: the replacement trays are asked of the kitchen."""
    with served["uow"]() as uow:
        pickups = uow.session.scalars(select(RecallPickup).where(
            RecallPickup.recall_id == recalled["recall"]["id"])).all()
        (task,) = uow.session.scalars(select(KitchenTask).where(
            KitchenTask.order_id == delivered["order"].id)).all()
    replacements = {(line[0], line[3], line[4]) for line in task.wanted if line[2] == "replacement"}
    variant = next(m for m in delivered["moves"] if m.lot_id == delivered["lot"])
    with served["uow"]() as uow:
        variant_id = uow.session.get_one(Lot, variant.lot_id).variant_id
    assert replacements == {(p.client_id, variant_id, p.units) for p in pickups}


def test_before_the_cutoff_each_resident_gets_a_replacement_on_the_next_crate(
        http, world, served, delivered):
    """Next Monday's crate is ordered and still open: the pick-up comes with it, and the
    crate is made again at once with a replacement tray per resident (not invoiced)."""
    with served["uow"]() as uow:
        scenario.approved_plans(uow.session, served["residents"], served["products"], NEXT_MONDAY,
                                random.Random(20))
        uow.commit()
    served["run"](MONDAY)
    with served["uow"]() as uow:
        crate = uow.session.scalars(select(DeliveryOrder).where(DeliveryOrder.ward_id == served["ward"],
                                                                DeliveryOrder.delivery_date == NEXT_MONDAY)).one()
        lot = uow.session.get_one(Lot, delivered["lot"])
    assert crate.version == 1
    h = world.person("lena-next", "logistics").headers
    setup(http.post(f"/api/v1/lots/{lot.id}/recall", headers=h, json={"reason": "Listeria", "severity": "high"}))
    with served["uow"]() as uow:
        pickups = uow.session.scalars(select(RecallPickup)).all()
        crate = uow.session.get_one(DeliveryOrder, crate.id)
        replaced = {(ln.client_id, ln.variant_id, ln.quantity) for ln in crate.lines
                    if ln.meal_moment == "replacement"}
        assert {p.due_on for p in pickups} == {NEXT_MONDAY} and crate.version == 2
        assert replaced == {(p.client_id, lot.variant_id, p.units) for p in pickups}
        assert {ln.served_on for ln in crate.lines if ln.meal_moment == "replacement"} == {NEXT_MONDAY}
    night = served["run"](MONDAY)
    assert night["revised"] == night["kitchen_tasks"] == 0 and night["unchanged"] == 2  # the night agrees
