"""The client record: create, read, update, list and search."""
from tests.setup_calls import setup


def test_the_minimal_body_creates_a_client_with_defaults(world, http, maria):
    dora = world.person("dora", "dietitian")
    response = http.post("/api/v1/clients", json=maria, headers=dora.headers)
    assert response.status_code == 201, response.json
    client = response.json
    assert isinstance(client["id"], int)
    assert client["iddsi_food_level"] == "7" and client["iddsi_drink_level"] == "0"
    assert client["status"] == "referred" and client["allergies"] == []
    assert client["address"]["city"] == "Roeselare"
    assert client["location"] == {"lat": 50.9465, "lon": 3.1228}
    assert [t["to_setting"] for t in client["setting_history"]] == ["home"]


def test_a_client_reads_back_as_created(world, http, maria):
    dora = world.person("dora", "dietitian")
    maria |= {"conditions": ["parkinson", "dysphagia"], "allergies": ["milk"],
              "iddsi_food_level": "4", "iddsi_drink_level": "2", "preparation_mode": "ready_meals",
              "dislikes": ["spruitjes"], "delivery_notes": "bel twee keer"}
    created = setup(http.post("/api/v1/clients", json=maria, headers=dora.headers))
    read = http.get(f"/api/v1/clients/{created['id']}", headers=dora.headers)
    assert read.status_code == 200
    for key in ("conditions", "allergies", "iddsi_food_level", "iddsi_drink_level", "dislikes",
                "preparation_mode", "delivery_notes", "birth_date"):
        assert read.json[key] == maria[key]


def test_patch_changes_only_what_is_sent_and_bumps_the_version(world, http, maria):
    dora = world.person("dora", "dietitian")
    created = setup(http.post("/api/v1/clients", json=maria, headers=dora.headers))
    response = http.patch(f"/api/v1/clients/{created['id']}", headers=dora.headers,
                          json={"iddsi_food_level": "5", "expected_version": created["version"]})
    assert response.status_code == 200
    assert response.json["iddsi_food_level"] == "5"
    assert response.json["given_name"] == "Maria"
    assert response.json["version"] == created["version"] + 1


def test_a_stale_version_is_a_conflict(world, http, maria):
    dora = world.person("dora", "dietitian")
    created = setup(http.post("/api/v1/clients", json=maria, headers=dora.headers))
    setup(http.patch(f"/api/v1/clients/{created['id']}", json={"dislikes": ["vis"]}, headers=dora.headers))
    stale = http.patch(f"/api/v1/clients/{created['id']}", headers=dora.headers,
                       json={"dislikes": ["witloof"], "expected_version": created["version"]})
    assert stale.status_code == 409
    assert "expected_version" in stale.json["errors"]


def test_setting_and_status_cannot_be_patched_directly(world, http, maria):
    dora = world.person("dora", "dietitian")
    created = setup(http.post("/api/v1/clients", json=maria, headers=dora.headers))
    response = http.patch(f"/api/v1/clients/{created['id']}", headers=dora.headers,
                          json={"care_setting": "hospital", "status": "active"})
    assert response.status_code == 422
    assert "care-setting-transfers" in response.json["errors"]["care_setting"][0]
    assert "status-changes" in response.json["errors"]["status"][0]


def test_the_list_is_paginated_and_searchable_by_name(world, http, maria):
    dora = world.person("dora", "dietitian")
    for given, family in [("Maria", "Vandenberghe"), ("Jozef", "Debruyne"), ("Rita", "Vanneste")]:
        setup(http.post("/api/v1/clients", json=maria | {"given_name": given, "family_name": family},
                        headers=dora.headers))
    page = http.get("/api/v1/clients?page=1&page_size=2", headers=dora.headers)
    assert page.status_code == 200 and len(page.json) == 2
    assert '"total": 3' in page.headers["X-Pagination"]
    found = http.get("/api/v1/clients?search=vanne", headers=dora.headers).json
    assert [c["family_name"] for c in found] == ["Vanneste"]
    found = http.get("/api/v1/clients?search=jozef debr", headers=dora.headers).json
    assert [c["given_name"] for c in found] == ["Jozef"]


def test_another_organisations_client_is_not_found(world, http, maria):
    dora = world.person("dora", "dietitian", "Provider A")
    bert = world.person("bert", "dietitian", "Provider B")
    created = setup(http.post("/api/v1/clients", json=maria, headers=dora.headers))
    assert http.get(f"/api/v1/clients/{created['id']}", headers=bert.headers).status_code == 404
    assert http.patch(f"/api/v1/clients/{created['id']}", json={"dislikes": []},
                      headers=bert.headers).status_code == 404
    assert http.get("/api/v1/clients", headers=bert.headers).json == []


def test_transfers_keep_the_history_of_settings(world, http, maria):
    dora = world.person("dora", "dietitian")
    client = setup(http.post("/api/v1/clients", json=maria | {"referral": {"date": "2026-01-05"}},
                             headers=dora.headers))
    url = f"/api/v1/clients/{client['id']}/care-setting-transfers"
    admitted = http.post(url, headers=dora.headers, json={
        "transferred_on": "2026-03-01", "to_setting": "hospital", "reason": "admission: pneumonia"})
    assert admitted.status_code == 201 and admitted.json["from_setting"] == "home"
    setup(http.post(url, headers=dora.headers, json={
        "transferred_on": "2026-03-09", "to_setting": "home", "reason": "discharge"}))
    record = http.get(f"/api/v1/clients/{client['id']}", headers=dora.headers).json
    assert record["care_setting"] == "home"
    assert [(t["from_setting"], t["to_setting"]) for t in record["setting_history"]] == [
        (None, "home"), ("home", "hospital"), ("hospital", "home")]


def test_a_transfer_to_the_current_setting_or_back_in_time_is_refused(world, http, maria):
    dora = world.person("dora", "dietitian")
    client = setup(http.post("/api/v1/clients", json=maria | {"referral": {"date": "2026-01-05"}},
                             headers=dora.headers))
    url = f"/api/v1/clients/{client['id']}/care-setting-transfers"
    same = http.post(url, headers=dora.headers, json={
        "transferred_on": "2026-03-01", "to_setting": "home", "reason": "x"})
    early = http.post(url, headers=dora.headers, json={
        "transferred_on": "2025-12-01", "to_setting": "hospital", "reason": "x"})
    assert same.status_code == 422 and "to_setting" in same.json["errors"]
    assert early.status_code == 422 and "transferred_on" in early.json["errors"]


def test_the_status_lifecycle_is_enforced(world, http, maria):
    dora = world.person("dora", "dietitian")
    client = setup(http.post("/api/v1/clients", json=maria | {"referral": {"date": "2026-01-05"}},
                             headers=dora.headers))
    url = f"/api/v1/clients/{client['id']}/status-changes"

    def change(to):
        return http.post(url, headers=dora.headers,
                         json={"changed_on": "2026-11-01", "to_status": to, "reason": "test"})

    assert change("paused").status_code == 409  # referred cannot pause
    assert change("active").status_code == 201
    assert change("paused").status_code == 201
    assert change("active").status_code == 201
    assert change("ended").status_code == 201
    refused = change("active")
    assert refused.status_code == 409 and "to_status" in refused.json["errors"]
    record = http.get(f"/api/v1/clients/{client['id']}", headers=dora.headers).json
    assert record["status"] == "ended"
    assert [s["to_status"] for s in record["status_history"]] == [
        "referred", "active", "paused", "active", "ended"]
