"""Bad input gets the 4xx of DESIGN.md naming the field: never a 500, never a
half-written record."""
import pytest

from tests.setup_calls import setup


@pytest.fixture
def dora(world):
    return world.person("dora", "dietitian")


def assert_error(response, code, field=None):
    assert response.status_code == code, response.json
    body = response.json
    assert body["code"] == code and isinstance(body["status"], str) and body["message"]
    if field:
        assert field in body["errors"], body


def test_malformed_json_is_400(http, dora):
    response = http.post("/api/v1/clients", data="{not json", headers=dora.headers,
                         content_type="application/json")
    assert_error(response, 400)


@pytest.mark.parametrize("field, value", [
    ("birth_date", "2999-01-01"),      # in the future
    ("birth_date", "12/03/1944"),      # not ISO 8601
    ("birth_date", 1944),              # wrong type
    ("sex", "robot"),                  # unknown enum value
    ("care_setting", "hotel"),
    ("given_name", "x" * 101),         # over-long string
    ("given_name", ""),
    ("conditions", ["parkinson", "flu"]),
    ("allergies", ["milk", "milk"]),
    ("allergies", ["strawberries"]),   # not one of the EU-14
    ("iddsi_food_level", "8"),
    ("iddsi_drink_level", 1),
    ("email", "not-an-address"),
    ("phone", "call me maybe"),
    ("nickname", "Mia"),               # unknown field
])
def test_client_fields_are_validated(http, dora, maria, field, value):
    response = http.post("/api/v1/clients", json=maria | {field: value}, headers=dora.headers)
    assert_error(response, 422, field)
    assert http.get("/api/v1/clients", headers=dora.headers).json == []


@pytest.mark.parametrize("nested, value, field", [
    ("location", {"lat": 95, "lon": 3.1}, "location"),
    ("location", {"lat": "50.9", "lon": 3.1}, "location"),
    ("address", {"country": "Belgium"}, "address"),
    ("referral", {"organisation_id": 999999}, "referral.organisation_id"),
    ("referral", {"care_line": "tertiary"}, "referral"),
])
def test_nested_fields_are_validated(http, dora, maria, nested, value, field):
    response = http.post("/api/v1/clients", json=maria | {nested: value}, headers=dora.headers)
    assert_error(response, 422, field)


def test_all_problems_are_reported_at_once(http, dora, maria):
    response = http.post("/api/v1/clients", headers=dora.headers,
                         json=maria | {"sex": "robot", "birth_date": "2999-01-01"})
    assert {"sex", "birth_date"} <= set(response.json["errors"])


def test_required_fields_are_named(http, dora):
    response = http.post("/api/v1/clients", json={}, headers=dora.headers)
    assert_error(response, 422)
    assert {"given_name", "family_name", "birth_date", "sex", "care_setting"} <= set(
        response.json["errors"])


@pytest.fixture
def client_id(http, dora, maria):
    return setup(http.post("/api/v1/clients", json=maria, headers=dora.headers))["id"]


@pytest.mark.parametrize("body, field", [
    ({"type": "height_cm", "value": 20, "measured_at": "2026-11-01T08:00:00+00:00"}, "value"),
    ({"type": "weight_kg", "value": 900, "measured_at": "2026-11-01T08:00:00+00:00"}, "value"),
    ({"type": "weight_kg", "value": "61.5", "measured_at": "2026-11-01T08:00:00+00:00"}, "value"),
    ({"type": "weight_kg", "value": True, "measured_at": "2026-11-01T08:00:00+00:00"}, "value"),
    ({"type": "bmi", "value": 22, "measured_at": "2026-11-01T08:00:00+00:00"}, "type"),
    ({"type": "weight_kg", "value": 61.5, "measured_at": "2999-11-01T08:00:00+00:00"}, "measured_at"),
    ({"type": "weight_kg", "value": 61.5, "measured_at": "2026-11-01T08:00:00"}, "measured_at"),
    ({"type": "weight_kg", "value": 61.5}, "measured_at"),
])
def test_impossible_measurements_are_refused(http, dora, client_id, body, field):
    response = http.post(f"/api/v1/clients/{client_id}/measurements", json=body, headers=dora.headers)
    assert_error(response, 422, field)
    assert http.get(f"/api/v1/clients/{client_id}/measurements", headers=dora.headers).json == []


@pytest.mark.parametrize("body, field", [
    ({"date": "2026-11-01", "meal_slot": "brunch", "percent_eaten": 50}, "meal_slot"),
    ({"date": "2026-11-01", "meal_slot": "lunch", "percent_eaten": 150}, "percent_eaten"),
    ({"date": "2026-11-01", "meal_slot": "lunch", "percent_eaten": 50.5}, "percent_eaten"),
    ({"date": "2026-11-01", "meal_slot": "lunch", "percent_eaten": 50, "fluid_ml": -1}, "fluid_ml"),
])
def test_impossible_intake_is_refused(http, dora, client_id, body, field):
    response = http.post(f"/api/v1/clients/{client_id}/intake", json=body, headers=dora.headers)
    assert_error(response, 422, field)


def test_unknown_routes_and_ids_are_404_in_the_same_shape(http, dora):
    assert_error(http.get("/api/v1/nothing-here", headers=dora.headers), 404)
    assert_error(http.get("/api/v1/clients/424242", headers=dora.headers), 404)
    assert_error(http.get("/api/v1/clients/424242/measurements", headers=dora.headers), 404)


def test_a_wrong_method_is_405_in_the_same_shape(http, dora):
    assert_error(http.put("/api/v1/clients", json={}, headers=dora.headers), 405)


def test_bad_query_parameters_are_422(http, dora):
    assert_error(http.get("/api/v1/clients?page_size=1000", headers=dora.headers), 422)
    assert_error(http.get("/api/v1/clients?status=sleeping", headers=dora.headers), 422, "status")
