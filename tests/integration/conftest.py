"""Shared integration fixtures."""
from __future__ import annotations

from datetime import time as clock
from datetime import timedelta

import pytest

from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import Depot, Van
from tests.builders import delivery as delivery_scenario
from tools.builders import stock as scenario


@pytest.fixture
def depot(world, app, monkeypatch, tomorrow):
    """A stocked depot with one van and three clients' orders for tomorrow: (planner, warehouse id,
    a unit-of-work maker)."""
    monkeypatch.setenv("NUTRIPLAT_ROUTE_PLAN_TIME_LIMIT_S", "1")
    lena = world.person("lena", "logistics")
    organisation = lena.organisation_id
    with world.uow as uow:
        s = uow.session
        products = scenario.catalogue(s)
        warehouse, van = scenario.depot(s, organisation)
        scenario.stock(s, organisation, warehouse, products, tomorrow - timedelta(days=3))
        s.add(Depot(warehouse_id=warehouse, organisation_id=organisation, lat=50.9465, lon=3.1228,
                    opens_at=clock(7), closes_at=clock(19)))
        s.flush()
        s.add(Van(location_id=van, organisation_id=organisation, depot_id=warehouse, capacity_kg=500, freezer_l=100,
                  chilled_l=100, shift_start=clock(8), shift_end=clock(17)))
        delivery_scenario.client_orders(s, organisation, warehouse, products, tomorrow,
                                        [(50.95, 3.10), (50.93, 3.14), (50.96, 3.13)])
        uow.commit()
    factory = app.extensions["nutriplat"].session_factory
    return lena, warehouse, lambda: UnitOfWork(factory)
