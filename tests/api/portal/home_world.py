"""A client at home for the portal's tests: active, food level 4, allergic to milk, with
appliances, a Monday and Thursday delivery schedule (cut-off 14:00 the day before), this
week's approved plan, a caregiver per mandate scope and, once invited, their own account.
A fixture module, exposed by the portal directories' conftest.py (api, webapp, browser)."""
from __future__ import annotations

import random
from datetime import timedelta

import pytest

from tests.conftest import TEST_PASSWORD
from tests.setup_calls import setup
from tools.builders import stock as scenario


@pytest.fixture
def home(world, http, maria, today):
    people = {role: world.person(f"p-{role}", role) for role in ("logistics", "dietitian")}
    client = setup(http.post("/api/v1/clients", headers=people["dietitian"].headers, json=maria | {
        "status": "active", "iddsi_food_level": "4", "allergies": ["milk"],
        "referral": {"date": (today - timedelta(days=60)).isoformat()}}))
    with world.uow as uow:
        products = scenario.catalogue(uow.session)
        warehouse, _ = scenario.depot(uow.session, people["logistics"].organisation_id)
        scenario.equip(uow.session, people["logistics"].organisation_id, [client["id"]], warehouse)
        scenario.approved_plans(uow.session, [client["id"]], [p for p in products if "milk" not in p.allergens],
                                today - timedelta(days=today.weekday()), random.Random(2))
        uow.commit()
    return {"people": people, "client": client["id"], "products": products}


@pytest.fixture
def caregiver(world, http, home):
    """A caregiver with the given mandate scopes over the home's client."""
    def make(name: str, *scopes: str):
        person = world.person(name, "caregiver", organisation=None)
        setup(http.post(f"/api/v1/clients/{home['client']}/mandates", headers=home["people"]["dietitian"].headers,
                        json={"caregiver_id": person.id, "scopes": list(scopes)}))
        return person
    return make


@pytest.fixture
def client_account(http, home):
    """The home's client, invited by their dietitian and signed in with their own account."""
    code = setup(http.post(f"/api/v1/clients/{home['client']}/invitations",
                           headers=home["people"]["dietitian"].headers))["code"]
    setup(http.post("/api/v1/invitations/redeem", json={"code": code, "username": "client.maria",
                                                        "password": TEST_PASSWORD}))
    token = setup(http.post("/api/v1/auth/token", json={"username": "client.maria", "password": TEST_PASSWORD}))
    return {"Authorization": f"Bearer {token['access_token']}"}


def suitable(home, course="main"):
    """A variant the client may have: their texture, no milk."""
    return next(p for p in home["products"] if p.texture == "food:4" and p.course == course and not p.allergens)
