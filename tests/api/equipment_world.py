"""The equipment tests' shop, a fixture module exposed by ``tests/conftest.py``: the route
tests' day (a depot, two vans, eight equipped clients with an order) with two freezers and
an oven in its warehouse (``shop``), and the plain helpers to register, read and install
an asset and to find a client's freezer."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from nutriplat.inventory.models import Location


@pytest.fixture
def shop(http, day):
    """The day of the route tests, and two freezers and an oven in its warehouse."""
    shop = day
    shop.freezers = [register(http, shop, serial) for serial in ("FRZ-001", "FRZ-002")]
    shop.oven = register(http, shop, "OVN-001", kind="regeneration_oven", capacity={"chilled": 30})
    return shop


def register(http, shop, serial, **extra):
    response = http.post("/api/v1/assets", headers=shop.h, json={
        "kind": "freezer", "serial_number": serial, "model": "Liebherr GP 1376", "capacity": {"frozen": 90},
        "purchase_date": "2025-03-01", "warehouse_id": shop.warehouse} | extra)
    assert response.status_code == 201, response.json
    return response.json


def asset(http, shop, asset_id):
    return http.get(f"/api/v1/assets/{asset_id}", headers=shop.h).json


def freezer_location(shop, client_id) -> Location:
    with shop.uow() as uow:
        return uow.session.scalar(select(Location).where(Location.client_id == client_id,
                                                         Location.storage_class == "frozen"))


def installed(http, shop, asset_id, client_id, on):
    """Install ``asset_id`` at ``client_id`` on ``on`` (today), off any route."""
    task = http.post(f"/api/v1/assets/{asset_id}/install", headers=shop.h,
                     json={"client_id": client_id, "due_on": on.isoformat()})
    assert task.status_code == 201, task.json
    done = http.post(f"/api/v1/asset-tasks/{task.json['id']}/confirmation", headers=shop.h,
                     json={"outcome": "delivered"})
    assert done.status_code == 200 and done.json["status"] == "done", done.json
    return done.json
