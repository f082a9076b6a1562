"""What the fuzzer found (issue 14), pinned without it: the OpenAPI document is valid and
says what the API does, and input it calls invalid is refused in the one error shape
before the database is asked (on PostgreSQL an id past 2**31 - 1 was a 500)."""
import pytest

from tests.api.test_bad_input import assert_error
from tests.setup_calls import setup

TOO_BIG = 2**31


def _walk(node, path=""):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{path}/{index}")


def test_every_bound_in_the_document_is_a_number(http):
    spec = http.get("/api/openapi.json").json
    wrong = [(path, key, node[key]) for path, node in _walk(spec) if not path.endswith("/properties")
             for key in ("minimum", "maximum") if key in node and not isinstance(node[key], (int, float))]
    assert wrong == []
    price = spec["components"]["schemas"]["Variant"]["properties"]["price_eur"]
    assert {"type": "number", "minimum": 0, "maximum": 100000} in price["anyOf"]
    assert spec["paths"]["/api/v1/auth/token"]["post"]["security"] == []


@pytest.mark.parametrize("method, path", [
    ("GET", f"/api/v1/clients/{TOO_BIG}"), ("DELETE", f"/api/v1/clients/1/mandates/{TOO_BIG * 4}"),
    ("DELETE", f"/api/v1/dishes/{TOO_BIG ** 2}"), ("GET", f"/api/v1/clients/{TOO_BIG ** 4}/stock"),
    ("GET", "/api/v1/clients/0")])
def test_an_id_that_cannot_exist_is_404_before_any_query(http, dora, method, path):
    assert_error(http.open(path, method=method, headers=dora.headers), 404)


@pytest.mark.parametrize("query, field", [
    (f"client_id={TOO_BIG}", "client_id"), (f"page={TOO_BIG}", "page")])
def test_an_integer_past_the_database_range_in_a_query_is_422(http, dora, query, field):
    assert_error(http.get(f"/api/v1/alerts?{query}", headers=dora.headers), 422, field)


@pytest.mark.parametrize("body, field", [
    ({"allow_supplements": 0}, "allow_supplements"),       # not a JSON boolean
    ({"max_supplements_per_day": "2"}, "max_supplements_per_day"),
    ({"weekly_budget_eur": "1e2"}, "weekly_budget_eur"),   # not plain decimal text
    ({"weekly_budget_eur": "12.345"}, "weekly_budget_eur")])
def test_a_body_has_the_json_types_it_documents(http, dora, maria, body, field):
    client = setup(http.post("/api/v1/clients", json=maria, headers=dora.headers))["id"]
    response = http.put(f"/api/v1/clients/{client}/diet-profile", headers=dora.headers,
                        json={"slots": ["lunch"], "preferences": []} | body)
    assert_error(response, 422, field)


def test_an_id_past_the_database_range_in_a_body_is_422(http, dora, maria):
    client = setup(http.post("/api/v1/clients", json=maria, headers=dora.headers))["id"]
    response = http.post(f"/api/v1/clients/{client}/mandates", headers=dora.headers,
                         json={"caregiver_id": TOO_BIG, "scopes": ["view"]})
    assert_error(response, 422, "caregiver_id")


def test_a_body_of_optional_fields_may_be_left_out(http, dora):
    spec = http.get("/api/openapi.json").json["paths"]
    assert spec["/api/v1/clients/{client_id}"]["patch"]["requestBody"]["required"] is False
    assert spec["/api/v1/clients"]["post"]["requestBody"]["required"] is True


def test_the_client_list_documents_every_status(http):
    schemas = http.get("/api/openapi.json").json["components"]["schemas"]
    assert "ended" in schemas["ClientRead"]["properties"]["status"]["enum"]
    assert "ended" not in schemas["Client"]["properties"]["status"]["enum"]
