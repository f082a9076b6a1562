"""Organisations, users and the audit log, as an admin sees them."""
from datetime import timedelta

from nutriplat.db import utcnow
from tests.setup_calls import setup


def test_a_platform_admin_creates_organisations_and_users_anywhere(world, http):
    root = world.person("root", "admin", organisation=None)
    org = http.post("/api/v1/organisations", json={"name": "Zorgkas", "type": "cofinancer"},
                    headers=root.headers)
    assert org.status_code == 201 and org.json["type"] == "cofinancer"
    user = http.post("/api/v1/users", headers=root.headers, json={
        "username": "fin", "password": "long enough pw", "role": "cofinancer", "organisation": "Zorgkas"})
    assert user.status_code == 201 and user.json["organisation_id"] == org.json["id"]
    assert "password" not in user.json
    names = {o["name"] for o in http.get("/api/v1/organisations", headers=root.headers).json}
    assert "Zorgkas" in names


def test_an_organisation_admin_stays_in_their_organisation(world, http):
    anna = world.person("anna", "admin", "Provider A")
    world.organisation("Provider B")
    refused = http.post("/api/v1/users", headers=anna.headers, json={
        "username": "spy", "password": "long enough pw", "role": "dietitian", "organisation": "Provider B"})
    assert refused.status_code == 403
    created = http.post("/api/v1/users", headers=anna.headers, json={
        "username": "dina", "password": "long enough pw", "role": "dietitian", "organisation": "Provider A"})
    assert created.status_code == 201
    assert {u["username"] for u in http.get("/api/v1/users", headers=anna.headers).json} == {"anna", "dina"}


def test_user_rules_are_checked_together(world, http):
    root = world.person("root", "admin", organisation=None)
    response = http.post("/api/v1/users", headers=root.headers, json={
        "username": "x y", "password": "short", "role": "chef"})
    assert response.status_code == 422
    assert {"username", "password", "role"} <= set(response.json["errors"])
    world.person("dora", "dietitian")
    duplicate = http.post("/api/v1/users", headers=root.headers, json={
        "username": "dora", "password": "long enough pw", "role": "dietitian", "organisation": "Provider A"})
    assert duplicate.status_code == 409
    orgless = http.post("/api/v1/users", headers=root.headers, json={
        "username": "lost", "password": "long enough pw", "role": "dietitian"})
    assert orgless.status_code == 422 and "organisation" in orgless.json["errors"]


def test_every_read_and_write_of_a_client_is_audited(world, http, maria):
    anna = world.person("anna", "admin")
    dora = world.person("dora", "dietitian")
    client = setup(http.post("/api/v1/clients", json=maria, headers=dora.headers))
    http.get(f"/api/v1/clients/{client['id']}", headers=dora.headers | {"X-Purpose": "screening"})
    http.get("/api/v1/clients", headers=dora.headers)
    setup(http.post(f"/api/v1/clients/{client['id']}/measurements", headers=dora.headers,
                    json={"type": "weight_kg", "value": 61.5, "measured_at": "2026-11-20T08:00:00+01:00"}))
    http.get(f"/api/v1/clients/{client['id']}/measurements", headers=dora.headers)
    entries = http.get(f"/api/v1/audit?client_id={client['id']}", headers=anna.headers).json
    seen = [(e["action"], e["resource"]) for e in reversed(entries)]
    assert seen == [("create", "client"), ("read", "client"), ("list", "client"),
                    ("create", "measurement"), ("list", "measurement")]
    read = next(e for e in entries if e["action"] == "read")
    assert read["username"] == "dora" and read["purpose"] == "screening"
    assert read["ip"] == "127.0.0.1" and read["at"].endswith("+00:00")


def test_a_refused_or_failed_request_writes_nothing_but_its_own_audit(world, http, maria):
    dora = world.person("dora", "dietitian")
    anna = world.person("anna", "admin")
    bad = http.post("/api/v1/clients", json=maria | {"sex": "robot"}, headers=dora.headers)
    assert bad.status_code == 422
    assert http.get("/api/v1/clients", headers=dora.headers).json == []
    assert http.get("/api/v1/audit?action=create", headers=anna.headers).json == []


def test_the_audit_log_filters_by_user_action_and_time(world, http, maria):
    anna = world.person("anna", "admin")
    dora = world.person("dora", "dietitian")
    dirk = world.person("dirk", "dietitian")
    setup(http.post("/api/v1/clients", json=maria, headers=dora.headers))
    setup(http.post("/api/v1/clients", json=maria, headers=dirk.headers))
    by_dirk = http.get(f"/api/v1/audit?user_id={dirk.id}", headers=anna.headers).json
    assert {e["username"] for e in by_dirk} == {"dirk"}
    future = (utcnow() + timedelta(hours=1)).isoformat()
    assert http.get("/api/v1/audit", query_string={"since": future}, headers=anna.headers).json == []
    naive = http.get("/api/v1/audit?since=2026-01-01T00:00:00", headers=anna.headers)
    assert naive.status_code == 422 and "since" in naive.json["errors"]


def test_an_organisation_admin_sees_only_audit_of_their_organisation(world, http, maria):
    anna = world.person("anna", "admin", "Provider A")
    bob = world.person("bob", "admin", "Provider B")
    dora = world.person("dora", "dietitian", "Provider A")
    setup(http.post("/api/v1/clients", json=maria, headers=dora.headers))
    assert http.get("/api/v1/audit", headers=anna.headers).json
    assert http.get("/api/v1/audit", headers=bob.headers).json == []
