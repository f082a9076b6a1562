"""Issue 14, hole 1: an organisation's admin cannot make a user outside their
organisation, least of all a platform admin; no service treats a missing actor as
"allowed"."""
import inspect

import pytest

from nutriplat.auth import services
from nutriplat.auth.actor import Actor
from nutriplat.delivery.nightly_reorder import run_reorder
from nutriplat.errors import Forbidden
from tests.setup_calls import setup

PASSWORD = "long enough pw"


@pytest.mark.parametrize("organisation", [{}, {"organisation": None}, {"organisation": ""}])
def test_an_admin_without_organisation_made_by_an_organisation_admin_is_theirs(world, http, maria, organisation):
    anna = world.person("anna", "admin", "Provider A")
    bert = world.person("bert", "dietitian", "Provider B")
    assert http.post("/api/v1/clients", json=maria, headers=bert.headers).status_code == 201
    made = http.post("/api/v1/users", headers=anna.headers,
                     json={"username": "root2", "password": PASSWORD, "role": "admin", **organisation})
    assert made.status_code == 201 and made.json["organisation_id"] == anna.organisation_id
    root2 = setup(http.post("/api/v1/auth/token", json={"username": "root2", "password": PASSWORD}))
    as_root2 = {"Authorization": f"Bearer {root2['access_token']}"}
    assert http.get("/api/v1/clients", headers=as_root2).json == []  # not Provider B's client
    assert {u["username"] for u in http.get("/api/v1/users", headers=as_root2).json} == {"anna", "root2"}
    audit = http.get("/api/v1/audit", headers=as_root2).json
    assert all(entry["organisation_id"] == anna.organisation_id for entry in audit)
    elsewhere = http.post("/api/v1/users", headers=as_root2, json={
        "username": "spy", "password": PASSWORD, "role": "dietitian", "organisation": "Provider B"})
    assert elsewhere.status_code == 403
    refused = http.post("/api/v1/organisations", json={"name": "Mine", "type": "provider"}, headers=as_root2)
    assert refused.status_code == 403


def test_only_a_platform_admin_makes_another_platform_admin(world, http):
    root = world.person("root", "admin", organisation=None)
    made = http.post("/api/v1/users", headers=root.headers,
                     json={"username": "root2", "password": PASSWORD, "role": "admin"})
    assert made.status_code == 201 and made.json["organisation_id"] is None


def test_a_caregiver_made_by_a_providers_admin_belongs_to_it_and_sees_only_mandating_clients(world, http, maria):
    anna = world.person("anna", "admin", "Provider A")
    dora = world.person("dora", "dietitian", "Provider A")
    made = http.post("/api/v1/users", headers=anna.headers,
                     json={"username": "carl", "password": PASSWORD, "role": "caregiver"})
    assert made.status_code == 201 and made.json["organisation_id"] == anna.organisation_id
    carl = {"Authorization": "Bearer " + setup(http.post(
        "/api/v1/auth/token", json={"username": "carl", "password": PASSWORD}))["access_token"]}
    mandating = setup(http.post("/api/v1/clients", json=maria, headers=dora.headers))["id"]
    other = setup(http.post("/api/v1/clients", json=maria | {"given_name": "Jos"}, headers=dora.headers))["id"]
    assert http.get("/api/v1/clients", headers=carl).json == []  # the organisation grants nothing
    given = http.post(f"/api/v1/clients/{mandating}/mandates", headers=dora.headers,
                      json={"caregiver_id": made.json["id"], "scopes": ["view"]})
    assert given.status_code == 201
    assert [c["id"] for c in http.get("/api/v1/clients", headers=carl).json] == [mandating]
    assert http.get(f"/api/v1/clients/{other}", headers=carl).status_code == 404


@pytest.mark.parametrize("service", [services.create_user, services.create_organisation, run_reorder])
def test_services_need_their_actor_named(service):
    assert inspect.signature(service).parameters["actor"].default is inspect.Parameter.empty


def test_a_non_admin_actor_creates_no_user(app, uow):
    dietitian = Actor(user_id=1, username="dora", role="dietitian", organisation_id=None)
    with pytest.raises(Forbidden):
        services.create_user(uow, app.extensions["nutriplat"].passwords, dietitian,
                             "x", PASSWORD, "admin")
    with pytest.raises(Forbidden):
        services.create_organisation(uow, "X", "provider", dietitian)
