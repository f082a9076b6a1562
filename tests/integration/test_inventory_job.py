"""``nutriplat jobs run reorder --date D`` on a small pilot: a week of nights with the
due deliveries confirmed; every night is idempotent, stock moves and balances agree, no
client runs short of what the plan says, and the warehouse gets purchase proposals."""
from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from flask.cli import ScriptInfo
from sqlalchemy import func, select

from nutriplat.auth.actor import SYSTEM
from nutriplat.auth.models import Organisation
from nutriplat.catalogue.models import Dish
from nutriplat.cli import main as cli
from nutriplat.clients.models import Client, IntakeRecord
from nutriplat.db import UnitOfWork
from nutriplat.delivery.fulfil import confirm_delivery
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine
from nutriplat.inventory.models import ConsumptionPosting, Lot, PurchaseOrder, ReorderRule, StockBalance, StockMove
from tools.builders import stock as scenario

MONDAY = date(2026, 11, 30)


@pytest.fixture
def pilot(app):
    factory = app.extensions["nutriplat"].session_factory
    rng = random.Random(7)
    with UnitOfWork(factory) as uow:
        s = uow.session
        provider, supplier = Organisation(name="P", type="provider"), Organisation(name="S", type="supplier")
        s.add_all([provider, supplier])
        s.flush()
        products = scenario.catalogue(s)
        warehouse, _van = scenario.depot(s, provider.id)
        clients = scenario.clients_at_home(s, provider.id, 12, warehouse, MONDAY - timedelta(days=30), rng)
        scenario.approved_plans(s, clients, products, MONDAY, rng, weeks=2)
        scenario.stock(s, provider.id, warehouse, products, MONDAY - timedelta(days=4), units=60)
        s.add_all(ReorderRule(organisation_id=provider.id, warehouse_id=warehouse, dish_id=d, texture=t, minimum=55,
                              maximum=120, pack_multiple=12, supplier_id=supplier.id, lead_time_days=2)
                  for d, t in {(p.dish_id, p.texture) for p in products})
        uow.commit()
    runner = app.test_cli_runner()
    return {"factory": factory,
            "run": lambda *args: runner.invoke(cli, list(args), obj=ScriptInfo(create_app=lambda: app))}


def state(factory):
    with UnitOfWork(factory) as uow:
        s = uow.session
        return tuple(s.scalar(select(func.count()).select_from(table)) for table in (
            DeliveryOrder, DeliveryOrderLine, StockMove, ConsumptionPosting, PurchaseOrder)) + (
            s.scalar(select(func.sum(DeliveryOrderLine.quantity))),)


def test_a_week_of_nights_each_idempotent(pilot):
    factory = pilot["factory"]
    assert "reorder" in pilot["run"]("jobs", "list").output
    for day in (MONDAY + timedelta(days=n) for n in range(-3, 7)):
        first = pilot["run"]("jobs", "run", "reorder", "--date", day.isoformat())
        assert first.exit_code == 0, first.output
        after = state(factory)
        again = pilot["run"]("jobs", "run", "reorder", "--date", day.isoformat())
        assert again.exit_code == 0 and state(factory) == after, again.output
        with UnitOfWork(factory) as uow:
            due = list(uow.session.scalars(select(DeliveryOrder.id).where(
                DeliveryOrder.delivery_date == day, DeliveryOrder.status == "planned")))
        for order_id in due:
            confirm_delivery(UnitOfWork(factory), SYSTEM, order_id, "delivered", on=day)
    with UnitOfWork(factory) as uow:
        s = uow.session
        shortfalls = s.scalars(select(ConsumptionPosting).where(ConsumptionPosting.day >= MONDAY)).all()
        assert shortfalls and all(p.shortfall is None for p in shortfalls)  # every planned unit was at home
        assert s.scalar(select(func.count(PurchaseOrder.id)).where(PurchaseOrder.status == "proposed")) >= 1
        assert s.scalar(select(func.min(StockBalance.quantity))) >= 0
        balances = {(b.location_id, b.lot_id): b.quantity for b in s.scalars(select(StockBalance)) if b.quantity}
        derived: dict = {}
        for column, sign in ((StockMove.to_location_id, 1), (StockMove.from_location_id, -1)):
            for location, lot, total in s.execute(select(column, StockMove.lot_id, func.sum(StockMove.quantity))
                                                  .where(column.is_not(None)).group_by(column, StockMove.lot_id)):
                derived[(location, lot)] = derived.get((location, lot), 0) + sign * total
        assert balances == {k: v for k, v in derived.items() if v}


def test_a_date_that_is_no_date_is_refused(pilot):
    assert pilot["run"]("jobs", "run", "reorder", "--date", "2026-13-01").exit_code == 2


def test_a_slot_the_client_never_eats_is_neither_delivered_nor_left_to_expire(pilot):
    """Half the clients record lunch and dinner, never the afternoon snack of their plan:
    no snack dessert goes to them; a day without records takes their usual slots, and no
    planned meal they do eat is ever missing."""
    factory = pilot["factory"]
    with UnitOfWork(factory) as uow:
        clients = sorted(uow.session.scalars(select(Client.id)))
        recorders = clients[::2]
        uow.session.add_all(IntakeRecord(client_id=c, date=MONDAY + timedelta(days=n), meal_slot=slot, percent_eaten=80)
                            for c in recorders for n in range(-10, 6) if n != 2 for slot in ("lunch", "dinner"))
        uow.commit()
    for day in (MONDAY + timedelta(days=n) for n in range(-3, 7)):
        assert pilot["run"]("jobs", "run", "reorder", "--date", day.isoformat()).exit_code == 0
        with UnitOfWork(factory) as uow:
            due = list(uow.session.scalars(select(DeliveryOrder.id).where(
                DeliveryOrder.delivery_date == day, DeliveryOrder.status == "planned")))
        for order_id in due:
            confirm_delivery(UnitOfWork(factory), SYSTEM, order_id, "delivered", on=day)
    with UnitOfWork(factory) as uow:
        s = uow.session
        delivered = dict(s.execute(select(StockMove.client_id, func.sum(StockMove.quantity))
                                   .join(Lot, Lot.id == StockMove.lot_id).join(Dish, Dish.id == Lot.dish_id)
                                   .where(StockMove.kind == "delivery", Dish.course == "dessert")
                                   .group_by(StockMove.client_id)).all())
        postings = s.scalars(select(ConsumptionPosting).where(ConsumptionPosting.day >= MONDAY)).all()
    assert not set(delivered) & set(recorders) and set(delivered) == set(clients) - set(recorders)
    assert {p.source for p in postings if p.client_id in recorders and p.day == MONDAY + timedelta(days=2)} == {"usual"}
    assert all(p.shortfall is None for p in postings)
