"""Locations, schedules, lots, stock moves and counts through the API: the happy paths,
the bad input of issue 5 (each 409/422 naming the problem, nothing half-written), who
may see a client's home stock, and balances that always equal the sum of moves."""
from __future__ import annotations

import random
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from nutriplat.inventory.models import StockBalance, StockMove
from tests.setup_calls import setup
from tools.builders import stock as scenario


@pytest.fixture
def stock(world, http, maria, today):
    """A provider with a warehouse, a van and stocked lots; an active client at home
    (allergic to milk, food level 4) with appliances; a logistics user, a dietitian and a
    caregiver with a view mandate."""
    people = {role: world.person(f"s-{role}", role, organisation=None if role == "caregiver" else "Provider A")
              for role in ("logistics", "dietitian", "caregiver", "admin")}
    people["cofinancer"] = world.person("s-cofinancer", "cofinancer", organisation="Cofinancer")
    supplier = world.organisation("Traiteur Vandaele", "supplier")
    diet = people["dietitian"].headers
    client = setup(http.post("/api/v1/clients", headers=diet, json=maria | {
        "status": "active", "iddsi_food_level": "4", "allergies": ["milk"],
        "referral": {"date": (today - timedelta(days=60)).isoformat()}}))
    setup(http.post(f"/api/v1/clients/{client['id']}/mandates", headers=diet,
                    json={"caregiver_id": people["caregiver"].id, "scopes": ["view"]}))
    with world.uow as uow:
        products = scenario.catalogue(uow.session)
        warehouse, van = scenario.depot(uow.session, people["logistics"].organisation_id)
        lots = scenario.stock(uow.session, people["logistics"].organisation_id, warehouse, products,
                              today - timedelta(days=2), supplier_id=supplier)
        scenario.equip(uow.session, people["logistics"].organisation_id, [client["id"]], warehouse)
        uow.commit()
    homes = {loc["storage_class"]: loc["id"] for loc in http.get(
        f"/api/v1/locations?client_id={client['id']}", headers=people["logistics"].headers).json}
    fits = [p for p in products if p.texture == "food:4" and "milk" not in p.allergens]
    milky = next(p for p in products if p.texture == "food:4" and "milk" in p.allergens)
    return {"people": people, "client": client["id"], "warehouse": warehouse, "van": van, "lots": lots, "homes": homes,
            "fits": fits, "milky": milky, "supplier": supplier, "products": products}


def move(http, who, **body):
    return http.post("/api/v1/stock/moves", headers=who.headers, json=body)


def on_hand(http, who, location):
    return {row["lot_id"]: row["quantity"] for row in http.get(f"/api/v1/stock?location={location}",
                                                                 headers=who.headers).json}


class TestLocationsAndSchedules:
    def test_a_home_appliance_belongs_to_a_client_and_matches_what_it_holds(self, stock, http):
        logistics = stock["people"]["logistics"]
        wrong = http.post("/api/v1/locations", headers=logistics.headers, json={
            "kind": "home", "name": "oven", "client_id": stock["client"], "appliance_type": "fridge",
            "storage_class": "frozen", "capacity_l": 30})
        assert wrong.status_code == 422 and "freezer" in wrong.json["errors"]["appliance_type"][0]
        orphan = http.post("/api/v1/locations", headers=logistics.headers, json={"kind": "home", "name": "x"})
        assert orphan.status_code == 422 and set(orphan.json["errors"]) >= {"client_id", "storage_class"}
        twice = http.post("/api/v1/locations", headers=logistics.headers, json={
            "kind": "home", "name": "second freezer", "client_id": stock["client"], "appliance_type": "freezer",
            "storage_class": "frozen", "capacity_l": 30})
        assert twice.status_code == 409

    def test_warehouses_and_vans_are_listed_and_renamed(self, stock, http):
        logistics = stock["people"]["logistics"]
        van = http.post("/api/v1/locations", headers=logistics.headers, json={"kind": "vehicle", "name": "Van 2"})
        assert van.status_code == 201
        renamed = http.patch(f"/api/v1/locations/{van.json['id']}", headers=logistics.headers,
                             json={"name": "Van 2 (koel)"})
        assert renamed.json["name"] == "Van 2 (koel)"
        kinds = {loc["kind"] for loc in http.get("/api/v1/locations", headers=logistics.headers).json}
        assert kinds == {"warehouse", "vehicle", "home"}

    def test_a_delivery_schedule_names_days_cut_off_and_warehouse(self, stock, http):
        logistics, path = stock["people"]["logistics"], f"/api/v1/clients/{stock['client']}/delivery-schedule"
        put = http.put(path, headers=logistics.headers, json={
            "weekdays": ["thu", "mon"], "lead_time_days": 2, "cutoff_time": "12:00",
            "warehouse_id": stock["warehouse"]})
        assert put.status_code == 200, put.json
        assert put.json["weekdays"] == ["mon", "thu"] and put.json["cutoff_time"] == "12:00"
        assert all(day[:4].isdigit() for day in put.json["next_deliveries"])
        seen = http.get(path, headers=stock["people"]["caregiver"].headers)
        assert seen.status_code == 200 and seen.json["lead_time_days"] == 2
        bad = http.put(path, headers=logistics.headers, json={
            "weekdays": ["someday"], "lead_time_days": -1, "warehouse_id": stock["van"]})
        assert bad.status_code == 422 and {"weekdays", "lead_time_days"} <= set(bad.json["errors"])
        van = http.put(path, headers=logistics.headers, json={"weekdays": ["mon"], "warehouse_id": stock["van"]})
        assert van.status_code == 422 and "warehouse" in van.json["errors"]["warehouse_id"][0]


class TestMoves:
    def test_a_transfer_by_product_takes_the_lot_that_expires_first_and_never_an_expired_one(self, stock, http, today):
        logistics, product = stock["people"]["logistics"], stock["fits"][0]
        older = setup(http.post("/api/v1/lots", headers=logistics.headers, json={
            "variant_id": product.variant_id, "supplier_lot_code": "OLD-1",
            "production_date": (today - timedelta(days=30)).isoformat(),
            "expiry_date": (today + timedelta(days=3)).isoformat()}))
        expired = setup(http.post("/api/v1/lots", headers=logistics.headers, json={
            "variant_id": product.variant_id, "supplier_lot_code": "GONE-1",
            "production_date": (today - timedelta(days=30)).isoformat(),
            "expiry_date": (today - timedelta(days=1)).isoformat()}))
        for lot in (older, expired):
            assert move(http, logistics, kind="receipt", lot_id=lot["id"], to_location_id=stock["warehouse"],
                        quantity=4).status_code == 201
        moved = move(http, logistics, kind="transfer", variant_id=product.variant_id, quantity=6,
                     from_location_id=stock["warehouse"], to_location_id=stock["van"])
        assert moved.status_code == 201, moved.json
        assert [(m["lot_id"], m["quantity"]) for m in moved.json] == [
            (older["id"], 4), (stock["lots"][product.variant_id], 2)]
        van = http.get(f"/api/v1/stock?location={stock['van']}", headers=logistics.headers).json
        assert expired["id"] not in {row["lot_id"] for row in van}
        listed = {row["lot_id"]: row for row in http.get(f"/api/v1/stock?location={stock['warehouse']}",
                                                         headers=logistics.headers).json}
        assert listed[expired["id"]]["expired"] and listed[expired["id"]]["quantity"] == 4

    def test_zero_negative_unknown_lot_and_unknown_location_are_422_naming_the_field(self, stock, http):
        logistics = stock["people"]["logistics"]
        for quantity in (0, -3):
            bad = move(http, logistics, kind="transfer", lot_id=stock["lots"][stock["fits"][0].variant_id],
                       from_location_id=stock["warehouse"], to_location_id=stock["van"], quantity=quantity)
            assert bad.status_code == 422 and "quantity" in bad.json["errors"]
        unknown = move(http, logistics, kind="transfer", lot_id=999999, from_location_id=888888,
                       to_location_id=stock["van"], quantity=1)
        assert unknown.status_code == 422
        assert "No lot 999999." in unknown.json["errors"]["lot_id"]
        assert "No location 888888." in unknown.json["errors"]["from_location_id"]
        both = move(http, logistics, kind="transfer", from_location_id=stock["warehouse"],
                    to_location_id=stock["van"], quantity=1)
        assert both.status_code == 422 and "lot_id" in both.json["errors"]
        wrong_way = move(http, logistics, kind="receipt", lot_id=stock["lots"][stock["fits"][0].variant_id],
                         from_location_id=stock["van"], to_location_id=stock["homes"]["frozen"], quantity=1)
        assert wrong_way.status_code == 422 and {"from_location_id", "to_location_id"} <= set(wrong_way.json["errors"])

    def test_a_move_that_would_make_stock_negative_is_409_and_writes_nothing(self, stock, http, uow):
        logistics, lot = stock["people"]["logistics"], stock["lots"][stock["fits"][0].variant_id]
        before = _counts(uow)
        refused = move(http, logistics, kind="transfer", lot_id=lot, from_location_id=stock["warehouse"],
                       to_location_id=stock["van"], quantity=201)
        assert refused.status_code == 409 and "holds 200" in refused.json["errors"]["quantity"][0]
        by_product = move(http, logistics, kind="waste", variant_id=stock["fits"][0].variant_id, quantity=500,
                          from_location_id=stock["warehouse"], reason="damaged")
        assert by_product.status_code == 409 and "500 wanted, 200 usable" in by_product.json["errors"]["quantity"][0]
        assert _counts(uow) == before

    def test_consuming_what_the_client_never_received_is_409(self, stock, http):
        logistics, product = stock["people"]["logistics"], stock["fits"][1]
        home = stock["homes"][product.storage]
        never = move(http, logistics, kind="consumption", variant_id=product.variant_id, quantity=1,
                     from_location_id=home)
        assert never.status_code == 409 and "never received" in never.json["message"]
        delivered = move(http, logistics, kind="delivery", lot_id=stock["lots"][product.variant_id], quantity=2,
                         from_location_id=stock["warehouse"], to_location_id=home)
        assert delivered.status_code == 201 and delivered.json[0]["client_id"] == stock["client"]
        eaten = move(http, logistics, kind="consumption", variant_id=product.variant_id, quantity=1,
                     from_location_id=home)
        assert eaten.status_code == 201
        other_lot = move(http, logistics, kind="consumption", lot_id=stock["lots"][stock["fits"][2].variant_id],
                         quantity=1, from_location_id=home)
        assert other_lot.status_code == 409 and "lot_id" in other_lot.json["errors"]

    def test_an_allergen_or_a_wrong_texture_never_goes_into_the_home(self, stock, http):
        logistics = stock["people"]["logistics"]
        milk = move(http, logistics, kind="delivery", lot_id=stock["lots"][stock["milky"].variant_id], quantity=1,
                    from_location_id=stock["warehouse"], to_location_id=stock["homes"]["chilled"])
        assert milk.status_code == 409 and "milk" in milk.json["message"]
        regular = next(p for p in stock["products"] if p.texture == "food:7" and not p.allergens)
        texture = move(http, logistics, kind="delivery", variant_id=regular.variant_id, quantity=1,
                       from_location_id=stock["warehouse"], to_location_id=stock["homes"][regular.storage])
        assert texture.status_code == 409 and "IDDSI" in texture.json["message"]
        soup = next(p for p in stock["fits"] if p.storage == "chilled")
        fridge_food = move(http, logistics, kind="delivery", variant_id=soup.variant_id, quantity=1,
                           from_location_id=stock["warehouse"], to_location_id=stock["homes"]["frozen"])
        assert fridge_food.status_code == 409 and "to_location_id" in fridge_food.json["errors"]

    def test_a_count_that_differs_becomes_a_correction(self, stock, http):
        logistics, lot = stock["people"]["logistics"], stock["lots"][stock["fits"][0].variant_id]
        counted = http.post("/api/v1/stock/counts", headers=logistics.headers,
                            json={"location_id": stock["warehouse"], "lot_id": lot, "counted": 195, "reason": "count"})
        assert counted.status_code == 201
        assert counted.json["before"] == 200 and counted.json["difference"] == -5 and counted.json["move_id"]
        same = http.post("/api/v1/stock/counts", headers=logistics.headers,
                         json={"location_id": stock["warehouse"], "lot_id": lot, "counted": 195})
        assert same.json["difference"] == 0 and same.json["move_id"] is None
        assert on_hand(http, logistics, stock["warehouse"])[lot] == 195
        moves = http.get(f"/api/v1/stock/moves?lot_id={lot}", headers=logistics.headers).json
        assert [m["kind"] for m in moves] == ["correction", "receipt"]


class TestHomeStock:
    def test_the_client_sees_stock_cover_and_lots_received(self, stock, http, today):
        logistics = stock["people"]["logistics"]
        product = next(p for p in stock["fits"] if p.storage == "frozen")
        lot = stock["lots"][product.variant_id]
        assert move(http, logistics, kind="delivery", lot_id=lot, quantity=3, from_location_id=stock["warehouse"],
                    to_location_id=stock["homes"]["frozen"]).status_code == 201
        for who in ("logistics", "dietitian", "caregiver", "admin"):
            seen = http.get(f"/api/v1/clients/{stock['client']}/stock", headers=stock["people"][who].headers)
            assert seen.status_code == 200, (who, seen.json)
        view = seen.json
        item = next(i for i in view["items"] if i["dish_id"] == product.dish_id)
        assert item["quantity"] == 3 and item["planned"] is False and item["days_of_cover"] is None
        freezer = next(a for a in view["appliances"] if a["storage_class"] == "frozen")
        assert freezer["used_l"] == pytest.approx(3 * 0.45) and freezer["capacity_l"] == 60
        lots = http.get(f"/api/v1/clients/{stock['client']}/lots", headers=stock["people"]["caregiver"].headers).json
        assert [(row["lot_id"], row["quantity"], row["at_home_now"]) for row in lots] == [(lot, 3, 3)]
        recipients = http.get(f"/api/v1/lots/{lot}/recipients", headers=logistics.headers).json
        assert [(r["client_id"], r["quantity"], r["delivered_on"]) for r in recipients] == [
            (stock["client"], 3, today.isoformat())]
        refused = http.get(f"/api/v1/clients/{stock['client']}/stock", headers=stock["people"]["cofinancer"].headers)
        assert refused.status_code == 403

    def test_reading_a_home_is_audited(self, stock, http):
        http.get(f"/api/v1/clients/{stock['client']}/stock", headers=stock["people"]["caregiver"].headers)
        entries = http.get(f"/api/v1/audit?client_id={stock['client']}&resource=home_stock",
                           headers=stock["people"]["admin"].headers).json
        assert entries and entries[0]["username"] == "s-caregiver"


def test_balances_always_equal_the_sum_of_moves(stock, http, uow):
    logistics, rng, outcomes = stock["people"]["logistics"], random.Random(3), []
    for _ in range(60):
        product = rng.choice(stock["fits"])
        kind = rng.choice(("transfer", "delivery", "waste", "return"))
        source = {"transfer": stock["warehouse"], "delivery": stock["van"], "waste": stock["van"],
                  "return": stock["homes"]["frozen"]}[kind]
        target = {"transfer": stock["van"], "delivery": stock["homes"][product.storage], "waste": None,
                  "return": stock["warehouse"]}[kind]
        if kind == "return":
            source = stock["homes"][product.storage]
        done = move(http, logistics, kind=kind, variant_id=product.variant_id, quantity=rng.randint(1, 5),
                    from_location_id=source, to_location_id=target, reason="test")
        outcomes.append(done.status_code)
    with uow:
        balances = {(b.location_id, b.lot_id): b.quantity for b in uow.session.scalars(select(StockBalance))}
        derived: dict = {}
        for column, sign in ((StockMove.to_location_id, 1), (StockMove.from_location_id, -1)):
            for location, lot, total in uow.session.execute(
                    select(column, StockMove.lot_id, func.sum(StockMove.quantity))
                    .where(column.is_not(None)).group_by(column, StockMove.lot_id)):
                derived[(location, lot)] = derived.get((location, lot), 0) + sign * total
    assert outcomes.count(201) > 20 and set(outcomes) <= {201, 409}  # 409: not enough where it was asked
    assert {k: v for k, v in balances.items() if v} == {k: v for k, v in derived.items() if v}
    assert min(balances.values()) >= 0


def _counts(uow):
    with uow:
        return (uow.session.scalar(select(func.count(StockMove.id))),
                uow.session.scalar(select(func.sum(StockBalance.quantity))))
