"""Caregiver mandates, consents, measurements and intake."""
import pytest

from tests.setup_calls import setup


@pytest.fixture
def setting(world, http, maria):
    dora = world.person("dora", "dietitian")
    carl = world.person("carl", "caregiver", organisation=None)
    client = setup(http.post("/api/v1/clients", json=maria, headers=dora.headers))
    return dora, carl, client["id"]


def mandate(http, dora, carl, client_id, scopes):
    return http.post(f"/api/v1/clients/{client_id}/mandates", headers=dora.headers,
                     json={"caregiver_id": carl.id, "scopes": scopes, "relationship_to_client": "son"})


def test_a_caregiver_without_a_mandate_sees_nobody(setting, http):
    _dora, carl, client_id = setting
    assert http.get("/api/v1/clients", headers=carl.headers).json == []
    assert http.get(f"/api/v1/clients/{client_id}", headers=carl.headers).status_code == 404


def test_a_view_mandate_shows_the_client_but_does_not_allow_recording(setting, http):
    dora, carl, client_id = setting
    assert mandate(http, dora, carl, client_id, ["view"]).status_code == 201
    assert [c["id"] for c in http.get("/api/v1/clients", headers=carl.headers).json] == [client_id]
    assert http.get(f"/api/v1/clients/{client_id}/measurements", headers=carl.headers).status_code == 200
    weight = {"type": "weight_kg", "value": 61.5, "measured_at": "2026-11-20T08:00:00+01:00"}
    refused = http.post(f"/api/v1/clients/{client_id}/measurements", json=weight, headers=carl.headers)
    assert refused.status_code == 403


def test_a_record_mandate_lets_the_caregiver_record_weight_and_intake(setting, http):
    dora, carl, client_id = setting
    mandate(http, dora, carl, client_id, ["view", "record"])
    weight = {"type": "weight_kg", "value": 61.5, "measured_at": "2026-11-20T08:00:00+01:00"}
    created = http.post(f"/api/v1/clients/{client_id}/measurements", json=weight, headers=carl.headers)
    assert created.status_code == 201 and created.json["measured_by"] == carl.id
    intake = {"date": "2026-11-20", "meal_slot": "lunch", "percent_eaten": 75, "duration_min": 40,
              "fluid_ml": 250}
    assert http.post(f"/api/v1/clients/{client_id}/intake", json=intake,
                     headers=carl.headers).status_code == 201


def test_a_record_only_mandate_cannot_read(setting, http):
    dora, carl, client_id = setting
    mandate(http, dora, carl, client_id, ["record"])
    assert http.get(f"/api/v1/clients/{client_id}", headers=carl.headers).status_code == 403
    assert http.get("/api/v1/clients", headers=carl.headers).json == []


def test_a_withdrawn_mandate_ends_access_and_stays_in_the_history(setting, http):
    dora, carl, client_id = setting
    given = mandate(http, dora, carl, client_id, ["view"]).json
    withdrawn = http.delete(f"/api/v1/clients/{client_id}/mandates/{given['id']}", headers=dora.headers)
    assert withdrawn.status_code == 200 and withdrawn.json["withdrawn_at"]
    assert http.get(f"/api/v1/clients/{client_id}", headers=carl.headers).status_code == 404
    history = http.get(f"/api/v1/clients/{client_id}/mandates", headers=dora.headers).json
    assert len(history) == 1 and history[0]["withdrawn_at"]
    again = http.delete(f"/api/v1/clients/{client_id}/mandates/{given['id']}", headers=dora.headers)
    assert again.status_code == 409


def test_a_mandate_needs_a_caregiver_and_known_scopes(setting, http, world):
    dora, carl, client_id = setting
    other = world.person("olga", "logistics")
    wrong_user = mandate(http, dora, other, client_id, ["view"])
    assert wrong_user.status_code == 422 and "caregiver_id" in wrong_user.json["errors"]
    bad_scope = mandate(http, dora, carl, client_id, ["view", "prescribe"])
    assert bad_scope.status_code == 422 and "scopes" in bad_scope.json["errors"]
    assert mandate(http, dora, carl, client_id, []).status_code == 422
    mandate(http, dora, carl, client_id, ["view"])
    assert mandate(http, dora, carl, client_id, ["order"]).status_code == 409


def test_consents_are_given_withdrawn_and_kept(setting, http):
    dora, _carl, client_id = setting
    url = f"/api/v1/clients/{client_id}/consents"
    given = http.post(url, json={"purpose": "research"}, headers=dora.headers)
    assert given.status_code == 201 and given.json["withdrawn_at"] is None
    assert http.post(url, json={"purpose": "research"}, headers=dora.headers).status_code == 409
    assert http.post(url, json={"purpose": "marketing"}, headers=dora.headers).status_code == 422
    http.delete(f"{url}/{given.json['id']}", headers=dora.headers)
    again = http.post(url, json={"purpose": "research"}, headers=dora.headers)
    assert again.status_code == 201
    assert [c["withdrawn_at"] is None for c in http.get(url, headers=dora.headers).json] == [False, True]


def test_measurements_are_a_time_series_per_type(setting, http):
    dora, _carl, client_id = setting
    url = f"/api/v1/clients/{client_id}/measurements"
    for value, when in [(64.0, "2026-06-01"), (62.5, "2026-09-01"), (61.5, "2026-11-20")]:
        setup(http.post(url, headers=dora.headers,
                        json={"type": "weight_kg", "value": value, "measured_at": f"{when}T09:00:00+02:00"}))
    setup(http.post(url, headers=dora.headers,
                    json={"type": "height_cm", "value": 162, "measured_at": "2026-06-01T09:00:00+02:00"}))
    weights = http.get(f"{url}?type=weight_kg", headers=dora.headers).json
    assert [w["value"] for w in weights] == [64.0, 62.5, 61.5]
    assert weights[0]["measured_at"] == "2026-06-01T07:00:00+00:00"  # stored in UTC
    assert len(http.get(url, headers=dora.headers).json) == 4


def test_intake_is_listed_between_dates(setting, http):
    dora, _carl, client_id = setting
    url = f"/api/v1/clients/{client_id}/intake"
    for day in ("2026-11-18", "2026-11-19", "2026-11-20"):
        setup(http.post(url, headers=dora.headers, json={"date": day, "meal_slot": "dinner", "percent_eaten": 50}))
    listed = http.get(f"{url}?since=2026-11-19&until=2026-11-19", headers=dora.headers).json
    assert [r["date"] for r in listed] == ["2026-11-19"]
