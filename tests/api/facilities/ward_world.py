"""A ward's crate on its way, a fixture module exposed by ``tests/api/facilities/conftest.py``
(built on ``facilities_world``'s ``served``): Thursday's ward order for De Vlasbloem made on
Monday (``crate``), confirmed delivered (``delivered``), its lot then recalled with a unit on
the van (``recalled``), or picked and at the door on Thursday's published plan
(``at_the_door``); with the plain helpers those stories share."""
from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from nutriplat.auth.actor import Actor
from nutriplat.clock import BRUSSELS, clock_set_to
from nutriplat.delivery.fulfil import confirm_delivery
from nutriplat.delivery.models import DeliveryOrder
from nutriplat.inventory.models import StockMove
from tests.facilities_world import MONDAY, THURSDAY
from tests.setup_calls import setup
from tools.builders import stock as scenario

# The driver at the facility's door: Thursday 06:00 in Brussels.
THURSDAY_MORNING = datetime.combine(THURSDAY, datetime.min.time(), BRUSSELS) + timedelta(hours=6)


@pytest.fixture
def crate(http, world, facilities, served):
    """Thursday's ward order made on Monday, the depot stocked; logistics headers and the order."""
    served["run"](MONDAY)
    with served["uow"]() as uow:
        scenario.stock(uow.session, facilities["admin"].organisation_id, served["warehouse"],
                       served["products"], MONDAY - timedelta(days=2))
        order = uow.session.scalars(select(DeliveryOrder).where(DeliveryOrder.ward_id == served["ward"])).one()
        uow.commit()
    logistics = world.person("lena", "logistics")
    return {"h": logistics.headers, "order": order.id, "warehouse": order.warehouse_id}


def as_actor(person):
    return Actor(person.id, person.username, person.role, person.organisation_id)


@pytest.fixture
def delivered(world, served, crate):
    """Thursday's crate confirmed delivered at De Vlasbloem (from the depot, not picked);
    the events it raised and the lot its first tray drew on."""
    uow, seen = served["uow"](), []
    record = uow.record
    uow.record = lambda event: (seen.append(event), record(event))[1]  # type: ignore[method-assign]
    order = confirm_delivery(uow, as_actor(world.person("lou", "logistics")), crate["order"], "delivered",
                             on=THURSDAY)
    with served["uow"]() as uow:
        moves = list(uow.session.scalars(select(StockMove).where(StockMove.delivery_order_id == order.id)))
    return {"order": order, "events": seen, "moves": moves, "lot": moves[0].lot_id}


@pytest.fixture
def recalled(http, world, served, delivered):
    """One unit of the lot on the van, then the lot recalled; the recall and logistics' headers."""
    h = world.person("lena-recall", "logistics").headers
    setup(http.post("/api/v1/stock/moves", headers=h, json={
        "kind": "transfer", "lot_id": delivered["lot"], "quantity": 1, "from_location_id": served["warehouse"],
        "to_location_id": served["van"]}))
    made = http.post(f"/api/v1/lots/{delivered['lot']}/recall", headers=h,
                     json={"reason": "Listeria in the batch", "severity": "high"})
    assert made.status_code == 201, made.json
    return {"recall": made.json, "h": h}


def places(recall):
    return {p["kind"]: p for p in recall["locations"]}


@pytest.fixture
def at_the_door(http, world, served, crate):
    """The crate picked onto the van, on Thursday's published plan."""
    return to_the_door(http, world, served, crate, picked=True)


def van_with_driver(http, h, served) -> None:
    """The depot's van (its location ``served["van"]``), driven by Luc, as the route planner needs it."""
    driver = setup(http.post("/api/v1/drivers", headers=h, json={"name": "Luc"}))
    setup(http.post("/api/v1/vans", headers=h, json={
        "depot_id": served["warehouse"], "location_id": served["van"], "driver_id": driver["id"], "capacity_l": 400,
        "capacity_kg": 500, "freezer_l": 150, "chilled_l": 150, "shift_start": "07:00:00", "shift_end": "17:00:00",
        "break_earliest": "11:30:00", "break_latest": "13:00:00", "break_minutes": 30, "fixed_cost_eur": "20.00"}))


def confirm_at_the_door(http, door, refused: list[dict]):
    """The driver confirms the crate's stop delivered on Thursday morning, with these refused lines."""
    with clock_set_to(THURSDAY_MORNING):
        return http.post(f"/api/v1/route-plans/{door['plan']}/stops/{door['stop']}/confirmation",
                         headers=door["world"].person("luc", "logistics").headers, json={
                             "outcome": "delivered", "received_by": "the ward's nurse", "chilled_c": 3.5,
                             "frozen_c": -19.0, "refused": refused})


def to_the_door(http, world, served, crate, picked):
    """Thursday's published plan with the crate (picked onto the van or not): its stop and
    the crate's units per variant."""
    h = crate["h"]
    van_with_driver(http, h, served)
    if picked:
        lines = setup(http.post(f"/api/v1/delivery-orders/{crate['order']}/pick", headers=h,
                                json={"vehicle_id": served["van"]}))["lines"]
    else:
        (order,) = setup(http.get("/api/v1/delivery-orders", headers=h, query_string={"date": THURSDAY.isoformat()}))
        lines = order["lines"]
    plan = http.post("/api/v1/route-plans", headers=h, json={
        "depot_id": served["warehouse"], "date": THURSDAY.isoformat(), "time_limit_s": 1}).json
    assert plan["status"] == "done", plan
    setup(http.post(f"/api/v1/route-plans/{plan['id']}/publish", headers=h, json={"version": plan["version"]}))
    (stop,) = [s for r in plan["result"]["routes"] for s in r["stops"]]
    units: Counter[int] = Counter()
    for line in lines:
        units[line["variant_id"]] += line["quantity"]
    return {"plan": plan["id"], "stop": stop["id"], "units": units, "world": world}
