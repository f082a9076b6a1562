"""Depots, vans, drivers and client delivery windows: CRUD, rules named by field, and
the organisation boundary."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from nutriplat.auth.models import AuditEntry
from tests.setup_calls import setup
from tools.builders import stock as scenario

VAN = {"capacity_l": 400, "capacity_kg": 500, "freezer_l": 150, "chilled_l": 150,
       "shift_start": "08:00:00", "shift_end": "17:00:00"}


@pytest.fixture
def fleet(world, http):
    lena = world.person("lena", "logistics")
    with world.uow as uow:
        warehouse, vehicle = scenario.depot(uow.session, lena.organisation_id)
        uow.commit()
    depot = http.put(f"/api/v1/depots/{warehouse}", headers=lena.headers, json={"lat": 50.9465, "lon": 3.1228})
    assert depot.status_code == 200, depot.json
    return lena, warehouse, vehicle


def test_a_depot_van_and_driver_are_made_changed_and_retired(http, fleet, world):
    lena, warehouse, vehicle = fleet
    h = lena.headers
    assert http.get("/api/v1/depots", headers=h).json[0] | {"name": None} == {
        "warehouse_id": warehouse, "name": None, "lat": 50.9465, "lon": 3.1228,
        "opens_at": "07:00:00", "closes_at": "19:00:00"}
    driver = setup(http.post("/api/v1/drivers", headers=h, json={"name": "Luc", "user_id": lena.id}))
    assert driver["user_id"] == lena.id and driver["active"]
    van = http.post("/api/v1/vans", headers=h, json=VAN | {"location_id": vehicle, "depot_id": warehouse,
                                                           "driver_id": driver["id"], "break_earliest": "11:30:00",
                                                           "break_latest": "13:00:00", "break_minutes": 30,
                                                           "fixed_cost_eur": "25.00"})
    assert van.status_code == 201, van.json
    assert van.json["id"] == vehicle and van.json["capacity_l"] == 400 and van.json["fixed_cost_eur"] == "25.00"
    named = setup(http.post("/api/v1/vans", headers=h, json=VAN | {"name": "Bestelwagen 9", "depot_id": warehouse}))
    changed = http.patch(f"/api/v1/vans/{named['id']}", headers=h, json={"capacity_kg": 650, "name": "Bestelwagen 10"})
    assert changed.json["capacity_kg"] == 650 and changed.json["name"] == "Bestelwagen 10"
    assert http.delete(f"/api/v1/vans/{named['id']}", headers=h).status_code == 204
    assert http.get(f"/api/v1/vans/{named['id']}", headers=h).json["active"] is False
    assert sorted(v["id"] for v in http.get(f"/api/v1/vans?depot_id={warehouse}", headers=h).json) == sorted(
        [vehicle, named["id"]])
    assert http.delete(f"/api/v1/drivers/{driver['id']}", headers=h).status_code == 204
    assert http.get("/api/v1/drivers", headers=h).json == []
    again = http.post("/api/v1/vans", headers=h, json=VAN | {"location_id": vehicle, "depot_id": warehouse})
    assert again.status_code == 409


def test_van_rules_are_named_by_field(http, fleet, world):
    lena, warehouse, _ = fleet
    post = lambda body: http.post("/api/v1/vans", headers=lena.headers, json=body)  # noqa: E731
    cases = [
        (VAN | {"depot_id": warehouse}, "name"),
        (VAN | {"name": "X", "depot_id": 999_999}, "depot_id"),
        (VAN | {"name": "X", "depot_id": warehouse, "shift_end": "07:00:00"}, "shift_end"),
        (VAN | {"name": "X", "depot_id": warehouse, "capacity_l": 100}, "capacity_l"),
        (VAN | {"name": "X", "depot_id": warehouse, "break_minutes": 30}, "break_earliest"),
        (VAN | {"name": "X", "depot_id": warehouse, "driver_id": 999_999}, "driver_id"),
        (VAN | {"name": "X", "depot_id": warehouse, "capacity_kg": 0}, "capacity_kg"),
        (VAN | {"name": "X", "depot_id": warehouse, "capacity_kg": "500"}, "capacity_kg"),
    ]
    for body, field in cases:
        response = post(body)
        assert response.status_code == 422 and field in response.json["errors"], (field, response.json)
    dietitian = world.person("dora", "dietitian")
    bad_user = http.post("/api/v1/drivers", headers=lena.headers, json={"name": "D", "user_id": dietitian.id})
    assert bad_user.status_code == 422 and "logistics" in bad_user.json["errors"]["user_id"][0]
    setup(http.post("/api/v1/drivers", headers=lena.headers, json={"name": "Luc"}))
    assert http.post("/api/v1/drivers", headers=lena.headers, json={"name": "Luc"}).status_code == 409
    bad_hours = http.put(f"/api/v1/depots/{warehouse}", headers=lena.headers,
                         json={"lat": 50.9, "lon": 3.1, "opens_at": "18:00:00", "closes_at": "08:00:00"})
    assert bad_hours.status_code == 422 and "closes_at" in bad_hours.json["errors"]
    assert http.put(f"/api/v1/depots/{warehouse}", headers=lena.headers, json={"lat": 91, "lon": 3}).status_code == 422


def test_another_organisation_sees_nothing_of_the_fleet(http, fleet, world):
    lena, warehouse, vehicle = fleet
    setup(http.post("/api/v1/vans", headers=lena.headers, json=VAN | {"location_id": vehicle, "depot_id": warehouse}))
    driver = setup(http.post("/api/v1/drivers", headers=lena.headers, json={"name": "Luc"}))
    otto = world.person("otto", "logistics", organisation="Provider B").headers
    assert http.get("/api/v1/depots", headers=otto).json == [] and http.get("/api/v1/vans", headers=otto).json == []
    for path in (f"/api/v1/depots/{warehouse}", f"/api/v1/vans/{vehicle}", f"/api/v1/drivers/{driver['id']}"):
        assert http.get(path, headers=otto).status_code == 404, path
    assert http.put(f"/api/v1/depots/{warehouse}", headers=otto, json={"lat": 50, "lon": 3}).status_code == 404
    assert http.patch(f"/api/v1/vans/{vehicle}", headers=otto, json={"capacity_kg": 1}).status_code == 404
    stolen = http.post("/api/v1/vans", headers=otto, json=VAN | {"location_id": vehicle, "depot_id": warehouse})
    assert stolen.status_code == 422 and {"location_id", "depot_id"} <= set(stolen.json["errors"])


def test_a_client_window_defaults_to_office_hours_and_is_audited(http, world, maria):
    dora, lena = world.person("dora", "dietitian"), world.person("lena", "logistics")
    client = setup(http.post("/api/v1/clients", headers=dora.headers, json=maria))["id"]
    url = f"/api/v1/clients/{client}/delivery-window"
    assert http.get(url, headers=lena.headers).json == {
        "client_id": client, "starts_at": "09:00:00", "ends_at": "17:00:00", "service_minutes": 5, "weekdays": [],
        "is_default": True}
    put = http.put(url, headers=lena.headers,
                   json={"starts_at": "13:00:00", "ends_at": "16:00:00", "service_minutes": 10})
    assert put.json["is_default"] is False and put.json["service_minutes"] == 10
    bad = http.put(url, headers=lena.headers, json={"starts_at": "16:00:00", "ends_at": "13:00:00"})
    assert bad.status_code == 422 and "ends_at" in bad.json["errors"]
    otto = world.person("otto", "logistics", organisation="Provider B")
    assert http.get(url, headers=otto.headers).status_code == 404
    with world.uow as uow:
        actions = set(uow.session.scalars(select(AuditEntry.action).where(AuditEntry.resource == "delivery_window")))
    assert actions == {"read", "update"}
