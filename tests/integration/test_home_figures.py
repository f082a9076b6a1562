"""What happened to the units sent home, per client and month, read from the ledger: the
figures of the monthly report and of the demo simulation's JSON."""
from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import null

from nutriplat.auth.models import Organisation
from nutriplat.db import UnitOfWork
from nutriplat.inventory.home_figures import HomeFigures, appliances_over_capacity, home_figures, total
from nutriplat.inventory.ledger import Ledger, Move
from nutriplat.inventory.models import ConsumptionPosting, Location
from nutriplat.periods import Month
from tools.builders import stock as scenario

NOV_30, DEC_1 = date(2026, 11, 30), date(2026, 12, 1)


def _world(app):
    factory = app.extensions["nutriplat"].session_factory
    with UnitOfWork(factory) as uow:
        s = uow.session
        provider = Organisation(name="P", type="provider")
        s.add(provider)
        s.flush()
        products = [p for p in scenario.catalogue(s) if p.storage == "chilled" and p.course == "dessert"]
        warehouse, _van = scenario.depot(s, provider.id)
        ann, bert = scenario.clients_at_home(s, provider.id, 2, warehouse, NOV_30 - timedelta(days=30),
                                             random.Random(1))
        lots = scenario.stock(s, provider.id, warehouse, products[:1], NOV_30 - timedelta(days=2), units=400)
        fridge = {c: s.query(Location).filter_by(client_id=c, storage_class="chilled").one().id for c in (ann, bert)}
        uow.commit()
    return factory, provider.id, warehouse, ann, bert, next(iter(lots.values())), fridge


def test_units_delivered_eaten_wasted_expired_and_stock_out_days_per_client_and_month(app):
    factory, org, warehouse, ann, bert, lot, fridge = _world(app)
    with UnitOfWork(factory) as uow:
        Ledger(uow.session, None).post([
            Move("delivery", lot, 10, warehouse, fridge[ann], NOV_30, client_id=ann),
            Move("consumption", lot, 3, fridge[ann], None, NOV_30, client_id=ann),
            Move("consumption", lot, 2, fridge[ann], None, DEC_1, client_id=ann),
            Move("waste", lot, 1, fridge[ann], None, DEC_1, client_id=ann, reason="dropped"),
            Move("expiry", lot, 4, fridge[ann], None, DEC_1, client_id=ann),
            Move("delivery", lot, 6, warehouse, fridge[bert], DEC_1, client_id=bert),
            Move("waste", lot, 2, warehouse, None, DEC_1),  # the warehouse's waste is not a home's
        ], org)
        uow.session.add_all([ConsumptionPosting(client_id=ann, day=NOV_30, source="plan", shortfall=null()),
                             ConsumptionPosting(client_id=ann, day=DEC_1, source="plan", shortfall={"1:food:7": 1}),
                             ConsumptionPosting(client_id=bert, day=DEC_1, source="intake", shortfall=null())])
        uow.commit()
    with UnitOfWork(factory) as uow:
        figures = home_figures(uow.session, NOV_30, DEC_1)
        only_bert = home_figures(uow.session, NOV_30, DEC_1, [bert])
        december = home_figures(uow.session, DEC_1, DEC_1)
    assert figures[(ann, Month(2026, 11))] == HomeFigures(delivered=10, eaten=3)
    assert figures[(ann, Month(2026, 12))] == HomeFigures(eaten=2, wasted=1, expired=4, stock_out_days=1)
    assert figures[(bert, Month(2026, 12))] == HomeFigures(delivered=6)
    assert list(only_bert) == [(bert, Month(2026, 12))]
    assert total(december) == HomeFigures(delivered=6, eaten=2, wasted=1, expired=4, stock_out_days=1)
    assert total(figures).expired_share == 4 / 16


def test_an_appliance_over_its_capacity_on_an_arrival_day_is_counted(app):
    """A fridge of 25 l holds 166 desserts of 0.15 l; what expired overnight is out before the van comes."""
    factory, org, warehouse, ann, bert, lot, fridge = _world(app)
    with UnitOfWork(factory) as uow:
        Ledger(uow.session, None).post([
            Move("delivery", lot, 100, warehouse, fridge[ann], NOV_30, client_id=ann),
            Move("expiry", lot, 60, fridge[ann], None, DEC_1, client_id=ann),
            Move("delivery", lot, 100, warehouse, fridge[ann], DEC_1, client_id=ann),  # 140 units: 21 l
            Move("delivery", lot, 100, warehouse, fridge[bert], NOV_30, client_id=bert),
            Move("delivery", lot, 80, warehouse, fridge[bert], DEC_1, client_id=bert),  # 180 units: 27 l
        ], org)
        uow.commit()
    with UnitOfWork(factory) as uow:
        assert appliances_over_capacity(uow.session, NOV_30, DEC_1) == [fridge[bert]]
        assert appliances_over_capacity(uow.session, NOV_30, NOV_30) == []
