"""The rental line follows the installed asset (equipment's ``EquipmentMoved``, handled
after commit): a freezer installed on the 10th and collected on the 20th is billed for
ten days of the month, prorated; nothing is billed for a freezer never installed."""
from __future__ import annotations

import pytest

from nutriplat.clock import clock_set_to
from tests.business_day import moment
from tests.setup_calls import setup


@pytest.fixture
def freezer(http, world, client_id):
    """A freezer in the provider's warehouse and the client's freezer location at home."""
    h = world.person("lena", "logistics").headers
    warehouse = setup(http.post("/api/v1/locations", headers=h, json={"kind": "warehouse", "name": "Magazijn"}))
    setup(http.post("/api/v1/locations", headers=h, json={
        "kind": "home", "name": "Diepvriezer thuis", "client_id": client_id, "appliance_type": "freezer",
        "storage_class": "frozen", "capacity_l": 40}))
    asset = setup(http.post("/api/v1/assets", headers=h, json={
        "kind": "freezer", "serial_number": "FRZ-100", "model": "Liebherr GP 1376", "capacity": {"frozen": 90},
        "purchase_date": "2025-03-01", "warehouse_id": warehouse["id"]}))
    return {"id": asset["id"], "h": h}


def _done(http, h, url, body):
    task = setup(http.post(url, headers=h, json=body))
    confirmed = http.post(f"/api/v1/asset-tasks/{task['id']}/confirmation", headers=h, json={"outcome": "delivered"})
    assert confirmed.status_code == 200, confirmed.json


@pytest.mark.business_day("2026-11-10")
def test_the_rental_runs_from_install_day_to_collect_day(http, world, dietitian, client_id, subscribe, freezer,
                                                         invoice_month, invoices, by_kind):
    subscribe(client_id, start="2026-11-01")
    _done(http, freezer["h"], f"/api/v1/assets/{freezer['id']}/install",
          {"client_id": client_id, "due_on": "2026-11-10"})
    with clock_set_to(moment("2026-11-20")):  # ten days on: a fresh login
        _done(http, world.person("luc", "logistics").headers, f"/api/v1/assets/{freezer['id']}/collect",
              {"due_on": "2026-11-20"})
    listed, = http.get(f"/api/v1/clients/{client_id}/subscriptions", headers=dietitian.headers).json
    assert [(c["kind"], c["appliance"], c["quantity"], c["effective_on"]) for c in listed["changes"]] == [
        ("set_rental", "freezer", 1, "2026-11-10"), ("set_rental", "freezer", 0, "2026-11-20")]
    with clock_set_to(moment("2026-12-02")):
        assert invoice_month("2026-11") == {"client invoices": 1}
        invoice, = invoices("2026-11", world.person("ida", "admin"))
    rental, = by_kind(invoice)["rental"]
    assert "× 1, 10 of 30 days" in rental["description"], rental


@pytest.mark.business_day("2026-11-10")
def test_an_asset_never_installed_is_not_billed(http, world, client_id, subscribe, freezer, invoice_month, invoices,
                                                by_kind):
    subscribe(client_id, start="2026-11-01")
    with clock_set_to(moment("2026-12-02")):
        invoice_month("2026-11")
        invoice, = invoices("2026-11", world.person("ida", "admin"))
    assert "rental" not in by_kind(invoice)
