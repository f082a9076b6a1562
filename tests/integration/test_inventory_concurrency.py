"""Picks and moves under concurrent requests on PostgreSQL: each thread its own session
and transaction, released together. Balance rows are locked FOR UPDATE in one global
order, so the last units go to exactly as many picks as there are units, stock never
goes below zero, and opposite transfers never deadlock."""
from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from nutriplat.auth.actor import Actor
from nutriplat.clients.models import Client
from nutriplat.db import UnitOfWork
from nutriplat.delivery.fulfil import pick_order
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine
from nutriplat.errors import Conflict
from nutriplat.inventory.ledger import Ledger, Move
from nutriplat.inventory.models import Lot, StockBalance, StockMove
from nutriplat.inventory.stock import record_move
from tools.builders import stock as scenario

pytestmark = pytest.mark.postgres_only



@pytest.fixture
def depot(world, app, business_day):
    logistics = world.person("c-logistics", "logistics")
    actor = Actor(logistics.id, logistics.username, "logistics", logistics.organisation_id)
    factory = app.extensions["nutriplat"].session_factory
    with UnitOfWork(factory) as uow:
        s = uow.session
        product = next(p for p in scenario.catalogue(s) if p.texture == "food:7" and not p.allergens)
        warehouse, van = scenario.depot(s, logistics.organisation_id)
        client = Client(organisation_id=logistics.organisation_id, given_name="Jan", family_name="Peeters",
                        birth_date=date(1941, 5, 2), sex="male", care_setting="home", status="active",
                        conditions=[], allergies=[], dislikes=[])
        s.add(client)
        s.flush()
        lot = Lot(organisation_id=logistics.organisation_id, variant_id=product.variant_id, dish_id=product.dish_id,
                  texture=product.texture, supplier_lot_code="LAST-10", production_date=business_day,
                  expiry_date=business_day + timedelta(days=90))
        s.add(lot)
        s.flush()
        Ledger(s, None).post([Move("receipt", lot.id, 10, None, warehouse, business_day)], logistics.organisation_id)
        uow.commit()
    return {"today": business_day, "actor": actor, "factory": factory, "product": product, "warehouse": warehouse,
            "van": van, "client": client.id, "lot": lot.id}


def together(n, work):
    """Run ``work(i)`` in n threads released at once; the outcomes in order."""
    barrier, outcomes = threading.Barrier(n), [None] * n

    def run(i):
        barrier.wait()
        try:
            outcomes[i] = work(i)
        except Conflict as refused:
            outcomes[i] = refused
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            outcomes[i] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_fifty_concurrent_picks_for_the_last_ten_units(depot):
    d = depot
    with UnitOfWork(d["factory"]) as uow:
        orders = [DeliveryOrder(organisation_id=d["actor"].organisation_id, client_id=d["client"],
                                delivery_date=d["today"] + timedelta(days=1), origin="manual",
                                warehouse_id=d["warehouse"],
                                lines=[DeliveryOrderLine(variant_id=d["product"].variant_id,
                                                         dish_id=d["product"].dish_id,
                                                         texture=d["product"].texture, quantity=1)])
                  for _ in range(50)]
        uow.session.add_all(orders)
        uow.session.flush()
        ids = [o.id for o in orders]
        uow.commit()
    outcomes = together(50, lambda i: pick_order(UnitOfWork(d["factory"]), d["actor"], ids[i], d["van"]).status)
    assert outcomes.count("picked") == 10
    refused = [o for o in outcomes if isinstance(o, Conflict)]
    assert len(refused) == 40 and all("Not enough usable stock" in r.message for r in refused)
    with UnitOfWork(d["factory"]) as uow:
        s = uow.session
        balances = dict(s.execute(select(StockBalance.location_id, StockBalance.quantity)
                                  .where(StockBalance.lot_id == d["lot"])).all())
        assert balances == {d["warehouse"]: 0, d["van"]: 10}
        assert s.scalar(select(func.sum(StockMove.quantity)).where(StockMove.kind == "pick")) == 10
        picked = s.scalar(select(func.count(DeliveryOrder.id)).where(DeliveryOrder.status == "picked"))
        assert picked == 10


def test_opposite_transfers_at_once_never_deadlock_nor_go_negative(depot):
    d = depot
    with UnitOfWork(d["factory"]) as uow:  # half of the stock in the van, so both ways have something
        Ledger(uow.session, None).post([Move("transfer", d["lot"], 5, d["warehouse"], d["van"], d["today"])],
                                       d["actor"].organisation_id)
        uow.commit()

    def transfer(i):
        there, back = (d["warehouse"], d["van"]) if i % 2 else (d["van"], d["warehouse"])
        return record_move(UnitOfWork(d["factory"]), d["actor"], {
            "kind": "transfer", "lot_id": d["lot"], "quantity": 1 + i % 3, "from_location_id": there,
            "to_location_id": back})

    outcomes = together(30, transfer)
    assert all(isinstance(o, (list, Conflict)) for o in outcomes), [o for o in outcomes if isinstance(o, Exception)
                                                                   and not isinstance(o, Conflict)]
    with UnitOfWork(d["factory"]) as uow:
        quantities = list(uow.session.scalars(select(StockBalance.quantity).where(StockBalance.lot_id == d["lot"])))
    assert sum(quantities) == 10 and min(quantities) >= 0
