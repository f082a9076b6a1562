"""The delivery tests' day, a fixture module exposed by ``tests/conftest.py``: a depot in
Roeselare with two vans and drivers and eight clients with an order today (``day``), and
the plain helpers the route, proof-of-delivery and equipment tests share: solve the day,
check a stored plan with the independent routing checker, publish it, order again."""
from __future__ import annotations

import math
from datetime import timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from nutriplat.db import UnitOfWork
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine, RoutePlan
from nutriplat.delivery.planning.problem import matrix_of, problem_of, stored_solution
from nutriplat.inventory.models import Location, StockBalance
from routing import check
from tests.builders import delivery as delivery_scenario
from tests.setup_calls import setup
from tools.builders import stock as scenario

DEPOT = (50.9465, 3.1228)


def ring(n: int, radius_km: float = 4.0) -> list[tuple[float, float]]:
    """``n`` places round the depot (about ``radius_km`` away)."""
    return [(DEPOT[0] + radius_km / 111 * math.cos(2 * math.pi * k / n),
             DEPOT[1] + radius_km / 70 * math.sin(2 * math.pi * k / n)) for k in range(n)]


def van_body(depot: int, **extra) -> dict:
    return {"depot_id": depot, "capacity_l": 400, "capacity_kg": 500, "freezer_l": 150, "chilled_l": 150,
            "shift_start": "08:00:00", "shift_end": "17:00:00", "break_earliest": "11:30:00",
            "break_latest": "13:00:00", "break_minutes": 30, "fixed_cost_eur": "20.00"} | extra


@pytest.fixture
def day(world, http, app, today):
    """A depot in Roeselare with two vans and drivers, eight clients with an order today."""
    logistics, admin = world.person("lena", "logistics"), world.person("adam", "admin")
    organisation = logistics.organisation_id
    with world.uow as uow:
        products = scenario.catalogue(uow.session)
        warehouse, van = scenario.depot(uow.session, organisation)
        scenario.stock(uow.session, organisation, warehouse, products, today - timedelta(days=2))
        pairs = delivery_scenario.client_orders(uow.session, organisation, warehouse, products, today, ring(8))
        uow.commit()
    h = logistics.headers
    depot = http.put(f"/api/v1/depots/{warehouse}", headers=h, json={"lat": DEPOT[0], "lon": DEPOT[1]})
    assert depot.status_code == 200
    drivers = [setup(http.post("/api/v1/drivers", headers=h, json={"name": name})) for name in ("Luc", "Sofie")]
    vans = [setup(http.post("/api/v1/vans", headers=h,
                            json=van_body(warehouse, location_id=van, driver_id=drivers[0]["id"]))),
            setup(http.post("/api/v1/vans", headers=h, json=van_body(warehouse, name="Bestelwagen 2",
                                                                      driver_id=drivers[1]["id"])))]
    assert all("id" in v for v in vans), vans
    factory = app.extensions["nutriplat"].session_factory
    return SimpleNamespace(h=h, admin=admin.headers, date=today, warehouse=warehouse, vans=vans, drivers=drivers,
                           clients=[c for c, _ in pairs], orders=[o for _, o in pairs], products=products,
                           organisation=organisation, uow=lambda: UnitOfWork(factory))


def solve(http, day, **extra):
    response = http.post("/api/v1/route-plans", headers=day.h, json={
        "depot_id": day.warehouse, "date": day.date.isoformat(), "time_limit_s": 1} | extra)
    assert response.status_code == 202, response.json
    return response.json


def assert_feasible(day, plan_id: int) -> None:
    """Every plan the service stores passes the independent routing checker."""
    with day.uow() as uow:
        plan = uow.session.get_one(RoutePlan, plan_id)
        problem = problem_of(plan, plan.routes, plan.stops)
        assert check(problem, matrix_of(problem), stored_solution(plan)) == []


def order_again(day, on) -> None:
    """Every client of the day orders one main for ``on`` too."""
    main = next(p for p in day.products if p.course == "main" and p.texture == "food:7" and not p.allergens)
    with day.uow() as uow:
        uow.session.add_all([DeliveryOrder(
            organisation_id=day.organisation, client_id=c, delivery_date=on, origin="manual",
            warehouse_id=day.warehouse, lines=[DeliveryOrderLine(variant_id=main.variant_id, dish_id=main.dish_id,
                                                                 texture=main.texture, quantity=1)])
            for c in day.clients])
        uow.commit()


def published(http, day):
    plan = solve(http, day)
    setup(http.post(f"/api/v1/route-plans/{plan['id']}/publish", headers=day.h, json={"version": plan["version"]}))
    route = next(r for r in plan["result"]["routes"] if r["stops"])
    manifest = http.get(f"/api/v1/route-plans/{plan['id']}/routes/{route['id']}/manifest", headers=day.h).json
    stop = manifest["stops"][0]
    return plan, route, stop, f"/api/v1/route-plans/{plan['id']}/stops/{stop['id']}/confirmation"


def held(day, location_ids) -> int:
    with day.uow() as uow:
        return sum(uow.session.scalars(select(StockBalance.quantity).where(StockBalance.location_id.in_(location_ids))))


def homes_of(day, client_id) -> list[int]:
    with day.uow() as uow:
        return list(uow.session.scalars(select(Location.id).where(Location.client_id == client_id)))
