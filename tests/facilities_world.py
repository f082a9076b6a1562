"""Care facilities for the tests, a pytest plugin (loaded by ``tests/conftest.py``): two
care facilities served by Provider A, as its admin describes them through the API:
De Vlasbloem (a nursing home: ward Lelie with rooms 101 and 102) and AZ Delta (a
hospital: ward C4 with room 12), each with a ward staff user assigned to its ward."""
from __future__ import annotations

import random
from datetime import timedelta

import pytest

from tests.setup_calls import setup
from tools.builders import stock as scenario


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
