"""Care facilities for the tests, a pytest plugin (loaded by ``tests/conftest.py``): two
care facilities served by Provider A, as its admin describes them through the API:
De Vlasbloem (a nursing home: ward Lelie with rooms 101 and 102) and AZ Delta (a
hospital: ward C4 with room 12), each with a ward staff user assigned to its ward."""
from __future__ import annotations

import random
from datetime import date, time, timedelta

import pytest

from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import Depot
from nutriplat.delivery.ward_ordering import run_ward_orders
from tests.setup_calls import setup
from tools.builders import stock as scenario

# The ward ordering's week (tests marked business_day("2026-12-07")): Monday and Thursday.
MONDAY, THURSDAY = date(2026, 12, 7), date(2026, 12, 10)


@pytest.fixture
def facilities(world, http):
    admin = world.person("prov-admin", "admin")
    made = {"admin": admin}
    for key, name, setting, ward, rooms, lat, lon in [
            ("vlasbloem", "De Vlasbloem", "nursing_home", "Lelie", ["101", "102"], 50.95, 3.12),
            ("azdelta", "AZ Delta", "hospital", "C4", ["12"], 50.93, 3.13)]:
        facility_id = world.organisation(name, "care_facility")
        site = setup(http.post("/api/v1/facility-sites", headers=admin.headers, json={
            "facility_id": facility_id, "name": f"{name} hoofdgebouw", "city": "Roeselare",
            "lat": lat, "lon": lon}))
        made_ward = setup(http.post("/api/v1/wards", headers=admin.headers, json={
            "site_id": site["id"], "name": ward, "setting": setting}))
        for number in rooms:
            setup(http.post(f"/api/v1/wards/{made_ward['id']}/rooms", headers=admin.headers,
                            json={"number": number, "beds": 2}))
        staff = world.person(f"afdeling.{key}", "ward_staff", organisation=name)
        setup(http.post(f"/api/v1/wards/{made_ward['id']}/staff", headers=admin.headers,
                        json={"user_id": staff.id}))
        made[key] = {"facility_id": facility_id, "site": site["id"], "ward": made_ward["id"], "staff": staff}
    return made


@pytest.fixture
def place(http, dora, maria, today):
    """``place(setting, ward_id, room)``: a new active client moved into that ward and room."""
    def placed(setting, ward_id, room, **record):
        client = setup(http.post("/api/v1/clients", headers=dora.headers, json=maria | {
            "status": "active", "referral": {"date": "2026-01-05"}, **record}))
        setup(http.post(f"/api/v1/clients/{client['id']}/care-setting-transfers", headers=dora.headers, json={
            "transferred_on": today.isoformat(), "to_setting": setting, "ward_id": ward_id, "room": room,
            "reason": "admission"}))
        return client["id"]
    return placed


@pytest.fixture
def planned(world, today):
    """``planned(*client_ids)``: the catalogue (four textures) and an approved plan of this
    week for each client, in the client's texture; returns the products."""
    made = {}

    def plan(*client_ids):
        with world.uow as uow:
            if "products" not in made:
                made["products"] = scenario.catalogue(uow.session)
            scenario.approved_plans(uow.session, list(client_ids), made["products"],
                                    today - timedelta(days=today.weekday()), random.Random(16))
            uow.commit()
        return made["products"]
    return plan


@pytest.fixture
def served(http, world, facilities, place, planned):
    """De Vlasbloem's ward Lelie served under an agreement (crates received 08:00–10:30,
    25 minutes' unloading), the provider's route depot with a van, two residents with
    approved plans; ``run(day)`` runs the nightly ward ordering."""
    admin = facilities["admin"]
    vlasbloem = facilities["vlasbloem"]
    setup(http.post("/api/v1/service-agreements", headers=admin.headers, json={
        "facility_id": vlasbloem["facility_id"], "ward_ids": [vlasbloem["ward"]], "meal_moments": ["lunch", "dinner"],
        "delivery_days": [1, 4], "cutoff_days_before": 1, "cutoff_time": "14:00:00", "pricing": "per_meal",
        "price_eur": "9.80", "invoice_to": "facility", "valid_from": "2026-12-01",
        "window_opens": "08:00:00", "window_closes": "10:30:00", "unloading_minutes": 25}))
    with world.uow as uow:  # the route depot the facility's crates leave from
        warehouse, van = scenario.depot(uow.session, admin.organisation_id, "Centrale keuken")
        uow.session.add(Depot(warehouse_id=warehouse, organisation_id=admin.organisation_id, lat=50.9465, lon=3.1228,
                              opens_at=time(6), closes_at=time(20)))
        uow.commit()
    residents = [place("nursing_home", vlasbloem["ward"], "101", iddsi_food_level="4"),
                 place("nursing_home", vlasbloem["ward"], "102", iddsi_food_level="6", allergies=["milk"])]
    products = planned(*residents)
    factory = world.app.extensions["nutriplat"].session_factory
    return {"residents": residents, "ward": vlasbloem["ward"], "facility": vlasbloem["facility_id"],
            "site": vlasbloem["site"], "warehouse": warehouse, "van": van, "products": products,
            "run": lambda day: run_ward_orders(lambda: UnitOfWork(factory), day), "uow": lambda: UnitOfWork(factory)}


@pytest.fixture
def facility_route(http, world, facilities, served):
    """Thursday's crate of ward Lelie (ordered Monday, the depot stocked) on a published
    route of a van driven by Luc: ``{"plan", "route", "stop", "order", "h"}`` (logistics)."""
    served["run"](MONDAY)
    with served["uow"]() as uow:
        scenario.stock(uow.session, facilities["admin"].organisation_id, served["warehouse"],
                       served["products"], MONDAY - timedelta(days=2))
        uow.commit()
    h = world.person("route-planner", "logistics").headers
    driver = setup(http.post("/api/v1/drivers", headers=h, json={"name": "Luc"}))
    setup(http.post("/api/v1/vans", headers=h, json={
        "depot_id": served["warehouse"], "location_id": served["van"], "driver_id": driver["id"], "capacity_l": 400,
        "capacity_kg": 500, "freezer_l": 150, "chilled_l": 150, "shift_start": "07:00:00", "shift_end": "17:00:00",
        "break_earliest": "11:30:00", "break_latest": "13:00:00", "break_minutes": 30, "fixed_cost_eur": "20.00"}))
    plan = setup(http.post("/api/v1/route-plans", headers=h, json={
        "depot_id": served["warehouse"], "date": THURSDAY.isoformat(), "time_limit_s": 1}))
    setup(http.post(f"/api/v1/route-plans/{plan['id']}/publish", headers=h, json={"version": plan["version"]}))
    route = next(r for r in plan["result"]["routes"] if r["stops"])
    (stop,) = route["stops"]
    return {"plan": plan["id"], "route": route["id"], "stop": stop, "order": stop["order_ids"][0], "h": h}
