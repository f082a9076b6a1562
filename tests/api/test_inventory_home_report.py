"""GET /stock/home-report(.csv)?month=: per client and month, the units delivered, eaten,
wasted and expired at home and the stock-out days; another organisation's clients are
not there, and a client of another organisation is a 404."""
from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import null

from nutriplat.inventory.ledger import Ledger, Move
from nutriplat.inventory.models import ConsumptionPosting, Location
from tools.builders import stock as scenario

DEC_1 = date(2026, 12, 1)


def _homes(world, person, count):
    with world.uow as uow:
        s = uow.session
        product = next(p for p in scenario.catalogue(s, prefix=person.username) if p.storage == "chilled")
        warehouse, _van = scenario.depot(s, person.organisation_id, name=f"Magazijn {person.username}")
        clients = scenario.clients_at_home(s, person.organisation_id, count, warehouse, DEC_1 - timedelta(days=30),
                                           random.Random(3))
        lot = next(iter(scenario.stock(s, person.organisation_id, warehouse, [product], DEC_1).values()))
        fridges = [s.query(Location).filter_by(client_id=c, storage_class="chilled").one().id for c in clients]
        moves = [Move("delivery", lot, 10, warehouse, fridge, DEC_1, client_id=c)
                 for c, fridge in zip(clients, fridges, strict=True)]
        moves += [Move("consumption", lot, 4, fridges[0], None, DEC_1, client_id=clients[0]),
                  Move("waste", lot, 1, fridges[0], None, DEC_1, client_id=clients[0], reason="dropped"),
                  Move("expiry", lot, 2, fridges[0], None, DEC_1 + timedelta(days=9), client_id=clients[0])]
        Ledger(s, None).post(moves, person.organisation_id)
        s.add(ConsumptionPosting(client_id=clients[0], day=DEC_1, source="plan", shortfall={"1:food:7": 1}))
        s.add(ConsumptionPosting(client_id=clients[-1], day=DEC_1 + timedelta(days=1), source="plan", shortfall=null()))
        uow.commit()
    return clients


def test_the_month_per_client_as_json_and_csv(http, world):
    lena = world.person("lena", "logistics")
    ann, bert = _homes(world, lena, 2)
    _homes(world, world.person("otto", "logistics", organisation="Provider B"), 1)
    rows = http.get("/api/v1/stock/home-report?month=2026-12", headers=lena.headers)
    assert rows.status_code == 200, rows.json
    assert rows.json == [
        {"client_id": ann, "month": "2026-12", "delivered": 10, "eaten": 4, "wasted": 1, "expired": 2,
         "stock_out_days": 1, "expired_percent": 20.0},
        {"client_id": bert, "month": "2026-12", "delivered": 10, "eaten": 0, "wasted": 0, "expired": 0,
         "stock_out_days": 0, "expired_percent": 0.0}]
    assert http.get("/api/v1/stock/home-report?month=2026-11", headers=lena.headers).json == []
    one = http.get(f"/api/v1/stock/home-report.csv?month=2026-12&client_id={bert}", headers=lena.headers)
    assert one.status_code == 200 and one.mimetype == "text/csv"
    assert one.get_data(as_text=True).splitlines() == [
        "client_id,month,delivered,eaten,wasted,expired,stock_out_days,expired_percent",
        f"{bert},2026-12,10,0,0,0,0,0.0"]


def test_bad_months_and_other_organisations_clients_are_refused(http, world):
    lena = world.person("lena", "logistics")
    otto = world.person("otto", "logistics", organisation="Provider B")
    (theirs,) = _homes(world, otto, 1)
    for month in ("2026-13", "12-2026", "", "0000-01", "9999-12"):
        refused = http.get(f"/api/v1/stock/home-report?month={month}", headers=lena.headers)
        assert refused.status_code == 422 and "month" in str(refused.json["errors"]), refused.json
    assert http.get("/api/v1/stock/home-report", headers=lena.headers).status_code == 422
    hidden = http.get(f"/api/v1/stock/home-report?month=2026-12&client_id={theirs}", headers=lena.headers)
    assert hidden.status_code == 404
