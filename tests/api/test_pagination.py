"""Every list endpoint pages the same way: ``?page=&page_size=`` (at most 100; more is a
422), the metadata in the ``X-Pagination`` header. The lists that used to come back whole
(lots, purchase orders, delivery orders) page in the database, in a stable order."""
from __future__ import annotations

import json
from datetime import timedelta

import pytest

from nutriplat.delivery.models import DeliveryOrder
from nutriplat.pagination import MAX_PAGE_SIZE
from tools.builders import stock as scenario


def _resolve(document: dict, schema: dict) -> dict:
    if "$ref" in schema:
        return document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def list_operations(document: dict) -> list[tuple[str, dict]]:
    """Every GET whose 200 response is an array."""
    found = []
    for path, operations in document["paths"].items():
        ok = operations.get("get", {}).get("responses", {}).get("200", {})
        schema = ok.get("content", {}).get("application/json", {}).get("schema", {})
        if _resolve(document, schema).get("type") == "array":
            found.append((path, operations["get"]))
    return found


def test_every_list_in_the_openapi_document_takes_page_and_page_size_and_names_the_header(http):
    document = http.get("/api/openapi.json").json
    operations = list_operations(document)
    assert len(operations) >= 49
    for path, operation in operations:
        parameters = {p["name"]: p for p in operation.get("parameters", []) if p.get("in") == "query"}
        assert {"page", "page_size"} <= set(parameters), path
        assert parameters["page_size"]["schema"]["maximum"] == MAX_PAGE_SIZE, path
        assert "X-Pagination" in operation["responses"]["200"].get("headers", {}), path


@pytest.fixture
def stocked(world, http, maria, business_day):
    """A provider's logistics user, a warehouse holding a lot of every product, five
    purchase orders by hand and five delivery orders for tomorrow."""
    logistics = world.person("o-logistics", "logistics")
    dietitian = world.person("o-dietitian", "dietitian")
    supplier = world.organisation("Traiteur Vandaele", "supplier")
    client = http.post("/api/v1/clients", headers=dietitian.headers, json=maria | {"status": "active"})
    assert client.status_code == 201, client.json
    with world.uow as uow:
        products = scenario.catalogue(uow.session)
        warehouse, _van = scenario.depot(uow.session, logistics.organisation_id)
        scenario.stock(uow.session, logistics.organisation_id, warehouse, products, business_day, supplier_id=supplier)
        uow.session.add_all([DeliveryOrder(organisation_id=logistics.organisation_id, client_id=client.json["id"],
                                           delivery_date=business_day + timedelta(days=1), origin="manual",
                                           warehouse_id=warehouse) for _ in range(5)])
        uow.commit()
    for _ in range(5):
        made = http.post("/api/v1/purchase-orders", headers=logistics.headers, json={
            "supplier_id": supplier, "warehouse_id": warehouse,
            "expected_on": (business_day + timedelta(days=2)).isoformat(),
            "lines": [{"variant_id": products[0].variant_id, "quantity": 12}]})
        assert made.status_code == 201, made.json
    return logistics.headers


LISTS = ["/api/v1/lots", "/api/v1/purchase-orders", "/api/v1/delivery-orders"]


@pytest.fixture
def filters(url, business_day):
    """Delivery orders are listed per day: the stocked ones are tomorrow's."""
    return {"date": (business_day + timedelta(days=1)).isoformat()} if url.endswith("delivery-orders") else {}


def _get(http, headers, url, filters=None, **query):
    response = http.get(url, headers=headers, query_string=(filters or {}) | query)
    assert response.status_code == 200, response.json
    return response.json, json.loads(response.headers["X-Pagination"])


@pytest.mark.parametrize("url", LISTS)
def test_a_list_without_page_parameters_is_its_first_page_of_up_to_100_rows(http, stocked, url, filters):
    everything, meta = _get(http, stocked, url, filters)
    assert len(everything) >= 5 and meta["total"] == len(everything) and meta["page"] == 1
    assert meta["total_pages"] == 1


@pytest.mark.parametrize("url", LISTS)
def test_the_second_page_follows_the_first_in_the_same_order(http, stocked, url, filters):
    everything, _ = _get(http, stocked, url, filters)
    first, meta = _get(http, stocked, url, filters, page=1, page_size=2)
    second, _ = _get(http, stocked, url, filters, page=2, page_size=2)
    assert [row["id"] for row in first + second] == [row["id"] for row in everything[:4]]
    assert meta["total"] == len(everything) and meta["total_pages"] == -(-len(everything) // 2)
    assert meta["next_page"] == 2


@pytest.mark.parametrize("url", LISTS)
def test_a_page_size_beyond_100_is_refused_in_the_one_error_shape(http, stocked, url, filters):
    response = http.get(url, headers=stocked, query_string=filters | {"page_size": MAX_PAGE_SIZE + 1})
    assert response.status_code == 422
    assert response.json["code"] == 422 and "page_size" in response.json["errors"]


def test_a_short_list_pages_too(http, world):
    admin = world.person("o-admin", "admin", organisation=None)  # a platform admin sees every organisation
    for name in ("Home A", "Home B", "Home C"):
        world.organisation(name)
    first, meta = _get(http, admin.headers, "/api/v1/organisations", page=1, page_size=2)
    second, _ = _get(http, admin.headers, "/api/v1/organisations", page=2, page_size=2)
    assert len(first) == 2 and meta["total"] == len(first) + len(second) >= 3
