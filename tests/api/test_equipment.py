"""Rented equipment as assets (issue 20, item 3): a freezer is registered, installed at a
client's home as a stop of the day's route, collected; a breakdown opens a repair job and
moves the freezer's stock to a replacement or marks it at risk; an asset stands at one
place at a time, and the database says so."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from nutriplat.auth.models import AuditEntry
from nutriplat.equipment.models import AssetPlacement
from tests.api.delivery_world import assert_feasible
from tests.api.equipment_world import asset, freezer_location, installed
from tools.demo.simulate_rounds import HANDOVER


def test_a_freezer_is_installed_as_a_route_stop_and_collected(http, shop, today):
    freezer, client = shop.freezers[0], shop.clients[0]
    assert freezer["state"] == "in_stock" and freezer["tariff_code"] == "freezer" and freezer["client_id"] is None
    install = http.post(f"/api/v1/assets/{freezer['id']}/install", headers=shop.h,
                        json={"client_id": client, "due_on": today.isoformat(), "note": "Kelder"})
    assert install.status_code == 201 and install.json["kind"] == "install", install.json
    oven = http.post(f"/api/v1/assets/{shop.oven['id']}/install", headers=shop.h,
                     json={"client_id": shop.clients[1], "due_on": today.isoformat()})
    assert oven.status_code == 201 and oven.json["location_id"] is None, oven.json

    plan = http.post("/api/v1/route-plans", headers=shop.h, json={
        "depot_id": shop.warehouse, "date": today.isoformat(), "time_limit_s": 1}).json
    assert plan["status"] == "done", plan
    stops = {s["client_id"]: s for r in plan["result"]["routes"] for s in r["stops"]}
    assert stops[client]["task_ids"] == [install.json["id"]] and stops[client]["order_ids"] == [shop.orders[0]]
    assert stops[shop.clients[2]]["task_ids"] == []
    # the freezer rides on the van: its bulk beside the meals (the same order, no asset, at clients[2])
    assert stops[client]["demand_litres"] == pytest.approx(stops[shop.clients[2]]["demand_litres"] + 250.0)
    assert stops[client]["demand_kg"] == pytest.approx(stops[shop.clients[2]]["demand_kg"] + 45.0)
    assert_feasible(shop, plan["id"])
    published = http.post(f"/api/v1/route-plans/{plan['id']}/publish", headers=shop.h,
                          json={"version": plan["version"]})
    assert published.status_code == 200, published.json

    route = next(r for r in plan["result"]["routes"] if any(s["client_id"] == client for s in r["stops"]))
    manifest = http.get(f"/api/v1/route-plans/{plan['id']}/routes/{route['id']}/manifest", headers=shop.h).json
    assert next(s for s in manifest["stops"] if s["client_id"] == client)["equipment"] == [{
        "task_id": install.json["id"], "kind": "install", "asset_kind": "freezer", "serial_number": "FRZ-001",
        "model": "Liebherr GP 1376"}]
    page = http.get(f"/api/v1/route-plans/{plan['id']}/routes/{route['id']}/manifest.html", headers=shop.h)
    assert "FRZ-001" in page.get_data(as_text=True)
    url = f"/api/v1/route-plans/{plan['id']}/stops/{stops[client]['id']}/confirmation"
    assert http.post(url, headers=shop.h, json={"outcome": "delivered", **HANDOVER}).status_code == 200
    there = asset(http, shop, freezer["id"])
    home = freezer_location(shop, client)
    assert there["state"] == "installed" and there["client_id"] == client and there["location_id"] == home.id
    assert there["placements"] == [{"client_id": client, "location_id": home.id, "installed_on": today.isoformat(),
                                    "collected_on": None}]
    assert home.capacity_l == 90.0  # home reordering plans against the freezer's litres
    missed = http.post(f"/api/v1/route-plans/{plan['id']}/stops/{stops[shop.clients[1]]['id']}/confirmation",
                       headers=shop.h, json={"outcome": "not_home"})
    assert missed.status_code == 200
    assert asset(http, shop, shop.oven["id"])["state"] == "in_stock"
    tasks = http.get("/api/v1/asset-tasks", headers=shop.h, query_string={"asset_id": shop.oven["id"]}).json
    assert isinstance(tasks, list), tasks
    assert [t["status"] for t in tasks] == ["missed"]

    collect = http.post(f"/api/v1/assets/{freezer['id']}/collect", headers=shop.h, json={"due_on": today.isoformat()})
    assert collect.status_code == 201 and collect.json["client_id"] == client, collect.json
    done = http.post(f"/api/v1/asset-tasks/{collect.json['id']}/confirmation", headers=shop.h,
                     json={"outcome": "delivered"})
    assert done.status_code == 200, done.json
    back = asset(http, shop, freezer["id"])
    assert back["state"] == "in_stock" and back["client_id"] is None
    assert back["placements"][0]["collected_on"] == today.isoformat()
    with shop.uow() as uow:
        audited = set(uow.session.scalars(select(AuditEntry.resource).where(AuditEntry.client_id == client)))
    assert {"asset", "asset_task"} <= audited


def test_a_broken_freezer_hands_its_stock_to_a_replacement(http, shop, today):
    broken, spare = shop.freezers
    client = shop.clients[0]
    installed(http, shop, broken["id"], client, today)
    report = http.post(f"/api/v1/assets/{broken['id']}/breakdown", headers=shop.h, json={
        "reported_by": "driver", "description": "Koelt niet meer", "replacement_asset_id": spare["id"]})
    assert report.status_code == 201, report.json
    job = report.json
    assert job["status"] == "open" and job["replacement_asset_id"] == spare["id"] and not job["stock_at_risk"]
    home = freezer_location(shop, client).id
    assert asset(http, shop, broken["id"])["state"] == "in_repair"
    replacement = asset(http, shop, spare["id"])
    assert replacement["state"] == "installed" and replacement["location_id"] == home  # the stock stays put
    again = http.post(f"/api/v1/assets/{broken['id']}/breakdown", headers=shop.h,
                      json={"reported_by": "client", "description": "Nog steeds stuk"})
    assert again.status_code == 409
    closed = http.post(f"/api/v1/repair-jobs/{job['id']}/closing", headers=shop.h, json={"outcome": "repaired"})
    assert closed.status_code == 200 and closed.json["status"] == "closed"
    assert asset(http, shop, broken["id"])["state"] == "in_stock"
    assert http.post(f"/api/v1/repair-jobs/{job['id']}/closing", headers=shop.h,
                     json={"outcome": "retired"}).status_code == 409


def test_a_broken_freezer_without_a_replacement_puts_its_stock_at_risk(http, shop, today):
    freezer, client = shop.freezers[0], shop.clients[0]
    installed(http, shop, freezer["id"], client, today)
    main = next(p for p in shop.products if p.course == "main" and p.storage == "frozen" and p.texture == "food:7"
                and not p.allergens)
    delivered = http.post("/api/v1/stock/moves", headers=shop.h, json={
        "kind": "delivery", "variant_id": main.variant_id, "quantity": 4, "from_location_id": shop.warehouse,
        "to_location_id": freezer_location(shop, client).id})
    assert delivered.status_code == 201, delivered.json
    report = http.post(f"/api/v1/assets/{freezer['id']}/breakdown", headers=shop.h,
                       json={"reported_by": "client", "description": "Lekt water"})
    assert report.status_code == 201, report.json
    assert report.json["stock_at_risk"] and report.json["client_id"] == client
    assert report.json["units_at_risk"] == 4
    listed = http.get("/api/v1/repair-jobs", headers=shop.h, query_string={"status": "open"}).json
    assert [j["id"] for j in listed] == [report.json["id"]]
    retired = http.post(f"/api/v1/repair-jobs/{report.json['id']}/closing", headers=shop.h,
                        json={"outcome": "retired", "note": "Compressor kapot"})
    assert retired.status_code == 200 and asset(http, shop, freezer["id"])["state"] == "retired"


def test_bad_input_is_refused_naming_the_field(http, shop, world, today):
    h, freezer = shop.h, shop.freezers[0]
    body = {"kind": "freezer", "serial_number": "X", "model": "M", "capacity": {"chilled": 20},
            "purchase_date": (today + timedelta(days=1)).isoformat(), "warehouse_id": shop.warehouse}
    wrong = http.post("/api/v1/assets", headers=h, json=body)
    assert wrong.status_code == 422 and {"capacity", "purchase_date"} <= wrong.json["errors"].keys()
    for field, value in (("kind", "fridge"), ("capacity", {"frozen": -5}), ("capacity", {"attic": 5}),
                         ("warehouse_id", 2147483647), ("serial_number", "")):
        response = http.post("/api/v1/assets", headers=h, json=body | {
            "purchase_date": "2025-01-01", "capacity": {"frozen": 50}, field: value})
        assert response.status_code == 422 and field in response.json["errors"], (field, response.json)
    duplicate = http.post("/api/v1/assets", headers=h, json=body | {
        "serial_number": "FRZ-001", "purchase_date": "2025-01-01", "capacity": {"frozen": 50}})
    assert duplicate.status_code == 409 and "serial_number" in duplicate.json["errors"]

    install = f"/api/v1/assets/{freezer['id']}/install"
    yesterday = (today - timedelta(days=1)).isoformat()
    past = http.post(install, headers=h, json={"client_id": shop.clients[0], "due_on": yesterday})
    assert past.status_code == 422 and "due_on" in past.json["errors"]
    assert http.post(install, headers=h, json={"client_id": 2147483647, "due_on": today.isoformat()}).status_code == 404
    assert http.post("/api/v1/assets/2147483647/install", headers=h,
                     json={"client_id": shop.clients[0], "due_on": today.isoformat()}).status_code == 404
    first = http.post(install, headers=h, json={"client_id": shop.clients[0], "due_on": today.isoformat()})
    assert first.status_code == 201
    second = http.post(install, headers=h, json={"client_id": shop.clients[1], "due_on": today.isoformat()})
    assert second.status_code == 409 and "asset_id" in second.json["errors"]
    collect = http.post(f"/api/v1/assets/{shop.freezers[1]['id']}/collect", headers=h,
                        json={"due_on": today.isoformat()})
    assert collect.status_code == 409 and "state" in collect.json["errors"]
    assert http.delete(f"/api/v1/asset-tasks/{first.json['id']}", headers=h).json["status"] == "cancelled"
    stale = http.patch(f"/api/v1/assets/{freezer['id']}", headers=h, json={"version": 99, "model": "Nieuw"})
    assert stale.status_code == 422 and "version" in stale.json["errors"]
    patched = http.patch(f"/api/v1/assets/{freezer['id']}", headers=h, json={"version": freezer["version"],
                                                                          "model": "Liebherr GP 1486"})
    assert patched.status_code == 200 and patched.json["model"] == "Liebherr GP 1486"

    other = world.person("otto", "logistics", organisation="Andere Leverancier")
    assert http.get(f"/api/v1/assets/{freezer['id']}", headers=other.headers).status_code == 404
    assert http.get("/api/v1/assets", headers=other.headers).json == []


def test_an_asset_stands_at_one_place_at_a_time_in_the_database(shop, today):
    """The partial unique indexes refuse a second open placement of an asset, and a
    second asset in one home appliance location, whatever the service does."""
    freezer, spare = shop.freezers
    homes = [freezer_location(shop, c).id for c in shop.clients[:2]]

    def placed(asset_id: int, client: int, location: int) -> AssetPlacement:
        return AssetPlacement(organisation_id=shop.organisation, asset_id=asset_id, client_id=client,
                              location_id=location, installed_on=today)
    with shop.uow() as uow:
        uow.session.add(placed(freezer["id"], shop.clients[0], homes[0]))
        uow.commit()
    for asset_id, client, location in ((freezer["id"], shop.clients[1], homes[1]),
                                       (spare["id"], shop.clients[0], homes[0])):
        with shop.uow() as uow, pytest.raises(IntegrityError):
            uow.session.add(placed(asset_id, client, location))
            uow.session.flush()
    with shop.uow() as uow:  # once collected, it may stand elsewhere
        first = uow.session.scalar(select(AssetPlacement).where(AssetPlacement.asset_id == freezer["id"]))
        first.collected_on = today
        uow.session.add(placed(freezer["id"], shop.clients[1], homes[1]))
        uow.commit()
        assert uow.session.scalar(select(AssetPlacement.installed_on).where(
            AssetPlacement.location_id == homes[1])) == today


def test_placements_never_end_before_they_begin(shop, today):
    with shop.uow() as uow, pytest.raises(IntegrityError):
        uow.session.add(AssetPlacement(organisation_id=shop.organisation, asset_id=shop.freezers[0]["id"],
                                       client_id=shop.clients[0], installed_on=today,
                                       collected_on=today - timedelta(days=1)))
        uow.session.flush()
