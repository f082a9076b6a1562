"""Recalling a lot (issue 20, item 2): the lot is blocked at once and never picked again,
the warehouse, vans and homes holding it are listed with their units and clients, bad
input is 404/409/422 naming the field, and the recall closes when every unit is
accounted for; its report reads what, where, when and how many."""
from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from nutriplat.auth.models import AuditEntry
from nutriplat.db import utcnow
from nutriplat.errors import Conflict
from nutriplat.inventory.ledger import Ledger, Move
from nutriplat.inventory.models import Lot, StockBalance
from nutriplat.inventory.picking import Want, take
from tests.api import test_inventory_stock as inventory

stock = inventory.stock  # the fixture: a warehouse, a van, stocked lots and a client at home
move, on_hand = inventory.move, inventory.on_hand


def spread(http, stock):
    """The first suitable product's lot: 10 units to the van, 3 of those to the client's
    home; 190 stay in the warehouse."""
    logistics, product = stock["people"]["logistics"], stock["fits"][0]
    lot = stock["lots"][product.variant_id]
    home = stock["homes"][product.storage]
    assert move(http, logistics, kind="transfer", lot_id=lot, quantity=10, from_location_id=stock["warehouse"],
                to_location_id=stock["van"]).status_code == 201
    assert move(http, logistics, kind="delivery", lot_id=lot, quantity=3, from_location_id=stock["van"],
                to_location_id=home).status_code == 201
    return lot, product, home


def recall(http, who, lot, **body):
    return http.post(f"/api/v1/lots/{lot}/recall", headers=who.headers,
                     json={"reason": "Listeria found in the supplier's sample", "severity": "high"} | body)


def test_a_recall_lists_the_warehouse_van_and_home_with_their_units(stock, http):
    logistics = stock["people"]["logistics"]
    lot, _product, home = spread(http, stock)
    made = recall(http, logistics, lot)
    assert made.status_code == 201, made.json
    body = made.json
    assert body["status"] == "open" and body["lot_id"] == lot and body["lot_ids"] == [lot]
    held = {place["location_id"]: (place["kind"], place["units_held"], place["client_id"])
            for place in body["locations"]}
    assert held == {stock["warehouse"]: ("warehouse", 190, None), stock["van"]: ("vehicle", 7, None),
                    home: ("home", 3, stock["client"])}
    assert body["affected_clients"] == [stock["client"]] and body["units_held"] == body["units_outstanding"] == 200
    read = http.get(f"/api/v1/recalls/{body['id']}", headers=logistics.headers)
    assert read.status_code == 200 and read.json["status"] == "open"
    assert {p["location_id"]: p["units_outstanding"] for p in read.json["locations"]} == {
        stock["warehouse"]: 190, stock["van"]: 7, home: 3}


def test_a_recalled_lot_is_frozen_where_it_is(stock, http):
    logistics = stock["people"]["logistics"]
    lot, product, home = spread(http, stock)
    assert recall(http, logistics, lot).status_code == 201
    by_lot = move(http, logistics, kind="transfer", lot_id=lot, quantity=1, from_location_id=stock["warehouse"],
                  to_location_id=stock["van"])
    assert by_lot.status_code == 422 and "recalled" in by_lot.json["errors"]["lot_id"][0]
    by_product = move(http, logistics, kind="transfer", variant_id=product.variant_id, quantity=1,
                      from_location_id=stock["warehouse"], to_location_id=stock["van"])
    assert by_product.status_code == 409  # the only lot of the product is blocked: nothing usable
    eaten = move(http, logistics, kind="consumption", variant_id=product.variant_id, quantity=1,
                 from_location_id=home)
    assert eaten.status_code == 409
    assert on_hand(http, logistics, stock["warehouse"])[lot] == 190 and on_hand(http, logistics, home)[lot] == 3


def test_nothing_but_the_recall_moves_a_recalled_lot(stock, http, uow, today):
    """Not even a delivery order picked before the recall: confirming it would move the lot."""
    lot, _product, home = spread(http, stock)
    assert recall(http, stock["people"]["logistics"], lot).status_code == 201
    with uow:
        ledger = Ledger(uow.session, None)
        for kind, source, target in (("delivery", stock["van"], home), ("return", stock["van"], stock["warehouse"]),
                                     ("consumption", home, None)):
            with pytest.raises(Conflict) as refused:
                ledger.post([Move(kind, lot, 1, source, target, today)], stock["people"]["logistics"].organisation_id)
            assert refused.value.errors == {"lot_id": [f"Lot {lot} is recalled."]}


def test_unknown_lot_404_recalled_twice_409_bad_input_422_naming_the_field(stock, http):
    logistics = stock["people"]["logistics"]
    lot = stock["lots"][stock["fits"][0].variant_id]
    assert recall(http, logistics, 2147483647).status_code == 404
    bad_severity = recall(http, logistics, lot, severity="apocalyptic")
    assert bad_severity.status_code == 422 and "severity" in bad_severity.json["errors"]
    blank = recall(http, logistics, lot, reason="   ")
    assert blank.status_code == 422 and "reason" in blank.json["errors"]
    missing = http.post(f"/api/v1/lots/{lot}/recall", headers=logistics.headers, json={"severity": "low"})
    assert missing.status_code == 422 and "reason" in missing.json["errors"]
    assert recall(http, logistics, lot).status_code == 201
    again = recall(http, logistics, lot)
    assert again.status_code == 409 and "already recalled" in again.json["message"]
    assert http.get("/api/v1/recalls/2147483647", headers=logistics.headers).status_code == 404


def test_another_organisations_lot_is_404_and_a_dietitian_is_refused(stock, http, world):
    lot = stock["lots"][stock["fits"][0].variant_id]
    stranger = world.person("other-logistics", "logistics", organisation="Provider B")
    assert recall(http, stranger, lot).status_code == 404
    assert recall(http, stock["people"]["dietitian"], lot).status_code == 403
    assert recall(http, stock["people"]["admin"], lot).status_code == 201


def test_the_recall_closes_when_every_unit_is_accounted_for(stock, http, uow):
    logistics = stock["people"]["logistics"]
    lot, _product, home = spread(http, stock)
    made = recall(http, logistics, lot).json
    base = f"/api/v1/recalls/{made['id']}/locations"

    def account(location, **body):
        return http.post(f"{base}/{location}/account", headers=logistics.headers, json=body)

    too_many = account(home, outcome="collected", units=4)
    assert too_many.status_code == 422 and "units" in too_many.json["errors"]
    no_note = account(stock["van"], outcome="destroyed", units=7)
    assert no_note.status_code == 422 and "note" in no_note.json["errors"]
    assert account(stock["client"] * 1000 + 7, outcome="collected", units=1).status_code == 404
    assert account(home, outcome="consumed", units=1, note="eaten on Monday").json["status"] == "open"
    assert account(home, outcome="collected", units=2).status_code == 201
    assert account(stock["van"], outcome="destroyed", units=7, note="denatured at the depot, seen by K.").json[
        "status"] == "open"
    closed = account(stock["warehouse"], outcome="collected", units=190)
    assert closed.status_code == 201 and closed.json["status"] == "closed" and closed.json["closed_at"]
    assert closed.json["units_outstanding"] == 0
    assert account(home, outcome="collected", units=1).status_code == 422
    with uow:
        assert uow.session.scalar(select(StockBalance.quantity).where(
            StockBalance.lot_id == lot, StockBalance.location_id == home)) == 0
    report = http.get(f"/api/v1/recalls/{made['id']}/report", headers=logistics.headers).json
    assert report["totals"] == {"held": 200, "outstanding": 0, "collected": 192, "consumed": 1, "destroyed": 7}
    assert [(s["kind"], s["outcome"], s["units"]) for s in report["steps"]] == [
        ("home", "consumed", 1), ("home", "collected", 2), ("vehicle", "destroyed", 7),
        ("warehouse", "collected", 190)]
    assert report["lot"]["id"] == lot and report["recall"]["severity"] == "high"
    sheet = http.get(f"/api/v1/recalls/{made['id']}/report/csv", headers=logistics.headers)
    assert sheet.status_code == 200 and sheet.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(sheet.get_data(as_text=True))))
    assert rows[0][0] == "recall" and sum(1 for r in rows if r and r[0] == "held") == 3
    assert sum(1 for r in rows if r and r[0].isdigit()) == 1 + 4  # the recall's own row and four steps


def test_a_lot_held_nowhere_is_recalled_closed(stock, http):
    logistics = stock["people"]["logistics"]
    lot = stock["lots"][stock["fits"][1].variant_id]
    assert move(http, logistics, kind="waste", lot_id=lot, quantity=200, from_location_id=stock["warehouse"],
                reason="dropped").status_code == 201
    made = recall(http, logistics, lot)
    assert made.status_code == 201 and made.json["status"] == "closed" and made.json["locations"] == []


def test_every_recall_read_and_write_is_audited(stock, http, uow):
    logistics = stock["people"]["logistics"]
    lot, _product, home = spread(http, stock)
    made = recall(http, logistics, lot).json
    http.get(f"/api/v1/recalls/{made['id']}", headers=logistics.headers)
    http.post(f"/api/v1/recalls/{made['id']}/locations/{home}/account", headers=logistics.headers,
              json={"outcome": "collected", "units": 3})
    http.get(f"/api/v1/recalls/{made['id']}/report", headers=logistics.headers)
    with uow:
        entries = uow.session.execute(select(AuditEntry.action, AuditEntry.resource, AuditEntry.client_id).where(
            AuditEntry.resource.in_(("recall", "recall_report", "recall_location")))).all()
    assert {(a, r) for a, r, _ in entries} >= {("create", "recall"), ("read", "recall"), ("update", "recall"),
                                              ("export", "recall_report"), ("list", "recall_location")}
    assert ("list", "recall_location", stock["client"]) in entries


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(expiries=st.lists(st.integers(0, 30), min_size=1, max_size=6),
       recalled=st.sets(st.integers(0, 5)), orders=st.lists(st.integers(1, 60), min_size=1, max_size=5))
def test_a_recalled_lot_is_never_picked(stock, uow, today, expiries, recalled, orders):
    """Random lots of one product (random expiries, some recalled) and random orders
    picked one after the other: no unit of a recalled lot ever leaves, and an order is
    short only when the unrecalled lots cannot cover it."""
    product = stock["fits"][0]
    organisation_id = stock["people"]["logistics"].organisation_id
    with uow:  # never committed: each example rolls back
        session = uow.session
        lots = [Lot(organisation_id=organisation_id, variant_id=product.variant_id, dish_id=product.dish_id,
                    texture=product.texture, supplier_lot_code=f"P{i}", production_date=today - timedelta(days=1),
                    expiry_date=today + timedelta(days=days)) for i, days in enumerate(expiries)]
        session.add_all(lots)
        session.flush()
        Ledger(session, None).post([Move("receipt", lot.id, 20, None, stock["warehouse"], today) for lot in lots],
                                   organisation_id, returning=False)
        # The fixture's own lot of the product is recalled too, so only these lots count.
        blocked = {lots[i].id for i in recalled if i < len(lots)} | {stock["lots"][product.variant_id]}
        for lot in session.scalars(select(Lot).where(Lot.id.in_(blocked))):
            lot.recalled_at = utcnow()
        session.flush()
        free = 20 * sum(1 for lot in lots if lot.id not in blocked)
        for quantity in orders:
            ledger = Ledger(session, None)
            try:
                picks = take(session, ledger, [stock["warehouse"]], stock["van"],
                             [Want((product.dish_id, product.texture), quantity, today)])[0]
            except Conflict:
                assert quantity > free
                continue
            assert not {lot for _loc, lot, _units in picks} & blocked
            assert sum(units for _loc, _lot, units in picks) == quantity
            ledger.post([Move("pick", lot, units, loc, stock["van"], today) for loc, lot, units in picks],
                        organisation_id, returning=False)
            free -= quantity
