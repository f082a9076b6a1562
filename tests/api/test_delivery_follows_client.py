"""Supply follows the client (clients' ``ClientStatusChanged`` and ``ClientTransferred``,
handled in the same transaction by ``delivery.handlers``): a client who is paused or
ended, or who leaves home, has their still planned home deliveries from that day
cancelled with a reason naming the change. Picked and delivered orders are left alone;
the same change handed over again changes nothing; a move back home cancels nothing."""
from __future__ import annotations

from datetime import timedelta

import pytest

from nutriplat import events
from nutriplat.auth.actor import SYSTEM
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork
from nutriplat.delivery.fulfil import confirm_delivery
from nutriplat.delivery.models import DeliveryOrder
from tools.builders import stock as scenario


@pytest.fixture
def supplied(world, http, maria, app):
    """An active client at home with appliances and a schedule, a stocked warehouse and a
    van; ``order(day)`` puts a delivery order for the client in by hand."""
    today = business_today()
    people = {role: world.person(f"s-{role}", role) for role in ("logistics", "dietitian")}
    client = http.post("/api/v1/clients", headers=people["dietitian"].headers, json=maria | {
        "status": "active", "iddsi_food_level": "4", "allergies": ["milk"],
        "referral": {"date": (today - timedelta(days=60)).isoformat()}}).json
    organisation = people["logistics"].organisation_id
    with world.uow as uow:
        products = scenario.catalogue(uow.session)
        warehouse, van = scenario.depot(uow.session, organisation)
        scenario.stock(uow.session, organisation, warehouse, products, today - timedelta(days=2))
        scenario.equip(uow.session, organisation, [client["id"]], warehouse)
        uow.commit()
    meal = next(p for p in products if p.texture == "food:4" and "milk" not in p.allergens)
    factory = app.extensions["nutriplat"].session_factory

    def order(day):
        made = http.post("/api/v1/delivery-orders", headers=people["logistics"].headers, json={
            "client_id": client["id"], "delivery_date": day.isoformat(), "warehouse_id": warehouse,
            "lines": [{"variant_id": meal.variant_id, "quantity": 2}]})
        assert made.status_code == 201, made.json
        return made.json["id"]

    return {"people": people, "client": client["id"], "van": van, "today": today, "order": order,
            "uow": lambda: UnitOfWork(factory)}


def change(http, supplied, path, body):
    response = http.post(f"/api/v1/clients/{supplied['client']}/{path}",
                         headers=supplied["people"]["dietitian"].headers, json=body | {"reason": "hospital stay"})
    return response


def seen(http, supplied, order_id):
    response = http.get(f"/api/v1/delivery-orders/{order_id}", headers=supplied["people"]["logistics"].headers)
    assert response.status_code == 200, response.json
    return response.json["status"], response.json["note"]


@pytest.fixture
def four_orders(http, supplied):
    """Delivered today, picked for tomorrow, planned for the two days after."""
    today, logistics = supplied["today"], supplied["people"]["logistics"]
    ids = [supplied["order"](today + timedelta(days=n)) for n in range(4)]
    with supplied["uow"]() as uow:
        assert confirm_delivery(uow, SYSTEM, ids[0], "delivered", on=today).status == "delivered"
    picked = http.post(f"/api/v1/delivery-orders/{ids[1]}/pick", headers=logistics.headers,
                       json={"vehicle_id": supplied["van"]})
    assert picked.status_code == 200, picked.json
    return ids


def test_pausing_a_client_cancels_their_planned_orders_from_that_day(http, supplied, four_orders):
    today = supplied["today"].isoformat()
    assert change(http, supplied, "status-changes", {"to_status": "paused", "changed_on": today}).status_code == 201
    assert [seen(http, supplied, i) for i in four_orders] == [
        ("delivered", None), ("picked", None),
        ("cancelled", f"cancelled: client paused on {today}"), ("cancelled", f"cancelled: client paused on {today}")]


def test_an_order_before_the_change_is_left_alone(http, supplied):
    today = supplied["today"]
    earlier, later = supplied["order"](today), supplied["order"](today + timedelta(days=1))
    with supplied["uow"]() as uow:  # an order of yesterday nobody confirmed
        uow.session.get_one(DeliveryOrder, earlier).delivery_date = today - timedelta(days=1)
        uow.commit()
    assert change(http, supplied, "status-changes", {"to_status": "ended", "changed_on": today.isoformat()}
                  ).status_code == 201
    assert seen(http, supplied, earlier) == ("planned", None)
    assert seen(http, supplied, later) == ("cancelled", f"cancelled: client ended on {today.isoformat()}")


def test_the_same_change_again_changes_nothing(http, supplied, four_orders):
    today = supplied["today"].isoformat()
    change(http, supplied, "status-changes", {"to_status": "paused", "changed_on": today})
    before = [seen(http, supplied, i) for i in four_orders]
    assert change(http, supplied, "status-changes", {"to_status": "paused", "changed_on": today}).status_code == 409
    assert change(http, supplied, "status-changes", {"to_status": "ended", "changed_on": today}).status_code == 201
    with supplied["uow"]() as uow:  # the event handed over once more
        uow.record(events.ClientStatusChanged(supplied["client"], "active", "paused", supplied["today"], None, SYSTEM))
        uow.commit()
    assert [seen(http, supplied, i) for i in four_orders] == before


def test_leaving_home_cancels_planned_home_deliveries(http, supplied, four_orders):
    today = supplied["today"].isoformat()
    moved = change(http, supplied, "care-setting-transfers", {"to_setting": "hospital", "transferred_on": today})
    assert moved.status_code == 201, moved.json
    assert [seen(http, supplied, i) for i in four_orders] == [
        ("delivered", None), ("picked", None), ("cancelled", f"cancelled: client moved to hospital on {today}"),
        ("cancelled", f"cancelled: client moved to hospital on {today}")]


def test_a_move_back_home_cancels_nothing(http, supplied):
    planned = supplied["order"](supplied["today"] + timedelta(days=1))
    with supplied["uow"]() as uow:
        uow.record(events.ClientTransferred(supplied["client"], "hospital", "home", supplied["today"], SYSTEM))
        uow.commit()
    assert seen(http, supplied, planned) == ("planned", None)
