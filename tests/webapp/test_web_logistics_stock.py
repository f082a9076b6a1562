"""Stock with expiry warnings, reorder proposals (change, approve, cancel) and the
day's delivery orders, through the same services as the API; per role and organisation."""
from __future__ import annotations

import re
from datetime import timedelta
from types import SimpleNamespace

import pytest

from nutriplat.inventory.models import PurchaseOrderLine
from tests.builders import delivery as delivery_scenario
from tools.builders import stock as scenario


@pytest.fixture
def depot(world, http, today, tomorrow):
    """Provider A's warehouse: lots expiring in two days and expired yesterday (the
    three-week products), a proposal of two lines, two orders for tomorrow."""
    lien = world.person("lien", "logistics")
    supplier = world.organisation("Traiteur Delvaux", "supplier")
    with world.uow as uow:
        products = scenario.catalogue(uow.session)
        warehouse, _van = scenario.depot(uow.session, lien.organisation_id)
        for received in (today - timedelta(days=19), today - timedelta(days=22)):
            scenario.stock(uow.session, lien.organisation_id, warehouse, products, received, units=10)
        delivery_scenario.client_orders(uow.session, lien.organisation_id, warehouse, products, tomorrow,
                                        [None, None])
        uow.commit()
    h, variants = lien.headers, [products[0].variant_id, products[1].variant_id]
    rule = http.post("/api/v1/reorder-rules", headers=h, json={
        "warehouse_id": warehouse, "variant_id": variants[0], "minimum": 20, "maximum": 80, "supplier_id": supplier})
    assert rule.status_code == 201, rule.json
    order = http.post("/api/v1/purchase-orders", headers=h, json={
        "supplier_id": supplier, "warehouse_id": warehouse, "expected_on": tomorrow.isoformat(),
        "lines": [{"variant_id": v, "quantity": 24} for v in variants]})
    assert order.status_code == 201, order.json
    return SimpleNamespace(lien=lien, warehouse=warehouse, order=order.json, h=h)


def test_stock_shows_lots_with_expiry_warnings(web, depot):
    page = web(depot.lien).get("/app/logistics/stock")
    assert page.status_code == 200
    assert page.text.count('class="expiry-soon"') > 0 and page.text.count('class="expiry-expired"') > 0
    assert "vervalt binnenkort" in page.text and "boek ze af" in page.text
    warned = web(depot.lien).get("/app/logistics/stock?attention=1")
    rows = re.findall(r"<tr( class=\"expiry-\w+\")?>\s*<td>", warned.text)
    assert rows and all(rows) and len(rows) < page.text.count("<td class=\"num\">")
    one = web(depot.lien, lang="en-GB").get(f"/app/logistics/stock?location={depot.warehouse}")
    assert one.status_code == 200 and "expires soon" in one.text and "Centraal magazijn Roeselare" in one.text


def test_a_proposal_is_changed_with_errors_next_to_the_field_then_approved(web, depot, http):
    lien, order = web(depot.lien), depot.order
    overview = lien.get("/app/logistics/reorder")
    assert overview.status_code == 200
    assert "Traiteur Delvaux" in overview.text and f"Bestelling {order['id']}" in overview.text
    url = f"/app/logistics/reorder/{order['id']}"
    lines = {f"lines.{i}.line_id": line["id"] for i, line in enumerate(order["lines"])}
    wrong = lien.post(url, lines | {"lines.0.quantity": "-3", "lines.1.quantity": "veel"})
    assert wrong.status_code == 422
    for field in ("lines-0-quantity", "lines-1-quantity"):
        assert re.search(rf'id="f-{field}"[^>]*aria-invalid="true"', wrong.text), field
    assert 'value="veel"' in wrong.text  # what was typed stays in the field
    bad_day = lien.post(url, lines | {"lines.0.quantity": "30", "lines.1.quantity": "0", "expected_on": "31/02"})
    assert bad_day.status_code == 422 and re.search(r'id="f-expected_on"[^>]*aria-invalid="true"', bad_day.text)
    changed = lien.post(url, lines | {"lines.0.quantity": "30", "lines.1.quantity": "0"})
    assert changed.status_code == 302
    after = http.get(f"/api/v1/purchase-orders/{order['id']}", headers=depot.h).json
    assert [line["quantity_ordered"] for line in after["lines"]] == [30]
    assert lien.post(f"{url}/approve").status_code == 302
    assert http.get(f"/api/v1/purchase-orders/{order['id']}", headers=depot.h).json["status"] == "approved"
    again = lien.post(f"{url}/approve")
    assert again.status_code == 409 and "cannot be approved" in again.text


def test_a_quantity_set_by_hand_shows_the_nights_suggestion_beside_it(web, depot, world, today):
    lien, order = web(depot.lien), depot.order
    url = f"/app/logistics/reorder/{order['id']}"
    lines = {"lines.0.line_id": str(order["lines"][0]["id"]), "lines.1.line_id": str(order["lines"][1]["id"])}
    assert lien.post(url, lines | {"lines.0.quantity": "30", "lines.1.quantity": "24"}).status_code == 302
    page = lien.get(url)
    assert "Met de hand ingesteld; de nachtelijke herbestelling behoudt het." in page.text
    assert re.search(r'id="f-lines-0-quantity"[^>]*aria-describedby="f-lines-0-quantity-hint"', page.text)
    assert 'id="f-lines-1-quantity-hint"' not in page.text  # unchanged: still the night's
    with world.uow as uow:  # what the nightly reorder records beside a buyer's quantity (reorder.waiting)
        line = uow.session.get(PurchaseOrderLine, order["lines"][0]["id"])
        line.suggested_quantity, line.suggested_on = 48, today
        uow.commit()
    english = web(depot.lien, lang="en-GB").get(url)
    assert "Set by hand; the nightly reorder of" in english.text and "suggests 48." in english.text
    assert "stelt 48 voor" in lien.get(url).text


def test_tomorrows_delivery_orders_are_listed_with_client_and_lines(web, depot, today, tomorrow):
    lien = web(depot.lien)
    page = lien.get("/app/logistics/orders")
    assert page.status_code == 200 and f'value="{tomorrow.isoformat()}"' in page.text
    assert "Klant Nr 0" in page.text and "Klant Nr 1" in page.text and "2 bestellingen" in page.text
    assert "gepland" in page.text and "2 × " in page.text
    none = lien.get(f"/app/logistics/orders?date={today.isoformat()}")
    assert "Geen leveringen op deze dag." in none.text
    wrong = lien.get("/app/logistics/orders?date=morgen&status=lost")
    assert wrong.status_code == 422
    for field in ("date", "status"):
        assert re.search(rf'id="f-{field}"[^>]*aria-invalid="true"', wrong.text), field


def test_pages_are_refused_to_other_roles_and_scoped_to_the_organisation(web, world, depot):
    urls = ("/app/logistics/stock", "/app/logistics/reorder", f"/app/logistics/reorder/{depot.order['id']}",
            "/app/logistics/orders")
    for username, role, organisation in (("dora", "dietitian", "Provider A"), ("cas", "cofinancer", "Fund A"),
                                         ("greta", "caregiver", None)):
        other = web(world.person(username, role, organisation))
        for url in urls:
            assert "<h1>403" in other.get(url).text, (role, url)
        assert other.post(f"/app/logistics/reorder/{depot.order['id']}/approve").status_code == 403
    stranger = web(world.person("bram", "logistics", "Provider B"))
    assert stranger.get(f"/app/logistics/reorder/{depot.order['id']}").status_code == 404
    assert stranger.post(f"/app/logistics/reorder/{depot.order['id']}/approve").status_code == 404
    assert stranger.get(f"/app/logistics/stock?location={depot.warehouse}").status_code == 404
    assert "Klant Nr 0" not in stranger.get("/app/logistics/orders").text
    admin = web(world.person("adam", "admin"), lang="en-GB")
    for url in urls:
        assert admin.get(url).status_code == 200, url
