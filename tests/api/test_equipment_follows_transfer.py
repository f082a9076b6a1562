"""Issue 16 item 7 (a move to a nursing home ends home supply and rental): the client's
planned home orders are cancelled, and the rented freezer and oven each get a collection
on the next day's route from their warehouse; confirmed, the placement closes on that day
and the rental stops there. A hospital stay keeps the equipment; the same transfer is not
planned twice; another organisation sees none of it."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from nutriplat.auth.models import AuditEntry
from nutriplat.delivery.models import DeliveryOrder
from nutriplat.equipment.models import AssetTask
from nutriplat.equipment.rental import installed_count
from nutriplat.equipment.tasks import RESOURCE
from tests.api.equipment_world import installed
from tests.setup_calls import setup

pytestmark = pytest.mark.business_day("2026-12-07")


def move(http, headers, client_id, to_setting, on):
    return http.post(f"/api/v1/clients/{client_id}/care-setting-transfers", headers=headers, json={
        "transferred_on": on.isoformat(), "to_setting": to_setting, "reason": "verhuis"})


def tasks_of(http, place, client_id):
    return http.get("/api/v1/asset-tasks", headers=place.h, query_string={"client_id": client_id}).json


def test_a_move_to_a_nursing_home_collects_the_rented_equipment_and_ends_home_supply(http, shop, today):
    client = shop.clients[0]
    installed(http, shop, shop.freezers[0]["id"], client, today)
    installed(http, shop, shop.oven["id"], client, today)
    moved = move(http, shop.admin, client, "nursing_home", today)
    assert moved.status_code == 201, moved.json
    collections = [t for t in tasks_of(http, shop, client) if t["kind"] == "collect"]
    assert sorted(t["asset_id"] for t in collections) == sorted([shop.freezers[0]["id"], shop.oven["id"]])
    assert {(t["status"], t["due_on"], t["warehouse_id"]) for t in collections} == {
        ("planned", (today + timedelta(days=1)).isoformat(), shop.warehouse)}
    with shop.uow() as uow:  # home supply ended: the planned order of the day is cancelled
        assert uow.session.get_one(DeliveryOrder, shop.orders[0]).status == "cancelled"

    tomorrow = today + timedelta(days=1)
    plan = http.post("/api/v1/route-plans", headers=shop.h, json={
        "depot_id": shop.warehouse, "date": tomorrow.isoformat(), "time_limit_s": 1}).json
    assert plan["status"] == "done", plan
    (stop,) = [s for r in plan["result"]["routes"] for s in r["stops"] if s["client_id"] == client]
    assert sorted(stop["task_ids"]) == sorted(t["id"] for t in collections) and stop["order_ids"] == []

    for task in collections:  # the driver collects them on the day
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("nutriplat.equipment.tasks.business_today", lambda: tomorrow)
            done = http.post(f"/api/v1/asset-tasks/{task['id']}/confirmation", headers=shop.h,
                             json={"outcome": "delivered"})
        assert done.status_code == 200 and done.json["status"] == "done", done.json
    for asset_id in (shop.freezers[0]["id"], shop.oven["id"]):
        back = http.get(f"/api/v1/assets/{asset_id}", headers=shop.h).json
        assert back["state"] == "in_stock" and back["placements"][0]["collected_on"] == tomorrow.isoformat()


def test_the_rental_stops_on_the_collection_day(http, shop, today):
    """What billing rents (``installed_count``, issue 20 item 3) counts the freezer up to the
    day before the collection, not on it."""
    client, tomorrow = shop.clients[1], today + timedelta(days=1)
    installed(http, shop, shop.freezers[1]["id"], client, today)
    assert move(http, shop.admin, client, "nursing_home", today).status_code == 201
    (task,) = [t for t in tasks_of(http, shop, client) if t["kind"] == "collect"]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("nutriplat.equipment.tasks.business_today", lambda: tomorrow)
        setup(http.post(f"/api/v1/asset-tasks/{task['id']}/confirmation", headers=shop.h,
                        json={"outcome": "delivered"}))
    with shop.uow() as uow:
        assert installed_count(uow.session, client, "freezer", today) == 1
        assert installed_count(uow.session, client, "freezer", tomorrow) == 0


def test_a_hospital_stay_keeps_the_equipment(http, shop, today):
    client = shop.clients[2]
    installed(http, shop, shop.freezers[0]["id"], client, today)
    assert move(http, shop.admin, client, "hospital", today).status_code == 201
    assert [t["kind"] for t in tasks_of(http, shop, client)] == ["install"]


def test_a_collection_planned_already_is_not_planned_twice(http, shop, today):
    client = shop.clients[3]
    installed(http, shop, shop.freezers[0]["id"], client, today)
    planned = http.post(f"/api/v1/assets/{shop.freezers[0]['id']}/collect", headers=shop.h,
                        json={"due_on": (today + timedelta(days=3)).isoformat()})
    assert planned.status_code == 201, planned.json
    assert move(http, shop.admin, client, "nursing_home", today).status_code == 201
    collections = [t for t in tasks_of(http, shop, client) if t["kind"] == "collect"]
    assert [t["id"] for t in collections] == [planned.json["id"]]
    with shop.uow() as uow:
        assert uow.session.scalars(select(AssetTask).where(AssetTask.status == "planned")).all()[0].id == \
            planned.json["id"]


def test_another_organisation_sees_no_collection(http, world, shop, today):
    client = shop.clients[4]
    installed(http, shop, shop.freezers[1]["id"], client, today)
    assert move(http, shop.admin, client, "nursing_home", today).status_code == 201
    stranger = world.person("otto-eq", "logistics", organisation="Provider B")
    assert http.get("/api/v1/asset-tasks", headers=stranger.headers,
                    query_string={"client_id": client}).json == []


def test_a_move_from_hospital_to_a_nursing_home_collects_what_is_still_at_home(http, shop, today):
    """Issue 16/20 follow-up item 2: the freezer and oven stayed at home during the hospital
    stay; the move on to a nursing home collects them as a move from home does, audited."""
    client = shop.clients[5]
    installed(http, shop, shop.freezers[0]["id"], client, today)
    installed(http, shop, shop.oven["id"], client, today)
    assert move(http, shop.admin, client, "hospital", today).status_code == 201
    assert [t["kind"] for t in tasks_of(http, shop, client)] == ["install", "install"]
    moved = move(http, shop.admin, client, "nursing_home", today)
    assert moved.status_code == 201, moved.json
    collections = [t for t in tasks_of(http, shop, client) if t["kind"] == "collect"]
    assert sorted(t["asset_id"] for t in collections) == sorted([shop.freezers[0]["id"], shop.oven["id"]])
    assert {(t["status"], t["due_on"], t["warehouse_id"]) for t in collections} == {
        ("planned", (today + timedelta(days=1)).isoformat(), shop.warehouse)}
    with shop.uow() as uow:
        audited = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.resource == RESOURCE, AuditEntry.action == "create", AuditEntry.client_id == client)).all()
        assert sorted((e.detail["asset_id"], e.detail["from_setting"]) for e in audited
                      if e.detail["kind"] == "collect") == sorted(
            [(shop.freezers[0]["id"], "hospital"), (shop.oven["id"], "hospital")])
