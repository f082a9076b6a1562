"""Issue 16 item 6: the kitchen works from the production plan. A batch recorded as made
becomes a lot (use-by from the dish's shelf life) in the warehouse, and Wednesday's plan
counts it as produced and on hand; the plan downloads as XLSX with the pick lists per van
(the published route of Thursday) and per facility (a crate per ward). Bad input is
refused naming the field, before anything is written."""
from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from nutriplat.catalogue.models import DishVariant
from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine, ProductionBatch
from nutriplat.inventory.models import Lot, StockBalance
from tests.builders import delivery as delivery_scenario
from tests.facilities_world import MONDAY, THURSDAY
from tests.setup_calls import setup

pytestmark = pytest.mark.business_day("2026-12-09")
WEDNESDAY = date(2026, 12, 9)


@pytest.fixture
def kitchen(http, world, facilities, served):
    """Thursday's ward crate (made Monday) and two home orders; logistics' headers and the
    ward order's most needed variant."""
    served["run"](MONDAY)
    with served["uow"]() as uow:
        delivery_scenario.client_orders(uow.session, facilities["admin"].organisation_id, served["warehouse"],
                                        served["products"], THURSDAY, [(50.95, 3.12), (50.94, 3.11)])
        variant_id, units = uow.session.execute(
            select(DeliveryOrderLine.variant_id, func.sum(DeliveryOrderLine.quantity)).join(DeliveryOrder)
            .where(DeliveryOrder.ward_id == served["ward"]).group_by(DeliveryOrderLine.variant_id)
            .order_by(func.sum(DeliveryOrderLine.quantity).desc(), DeliveryOrderLine.variant_id).limit(1)).one()
        shelf = uow.session.get_one(DishVariant, variant_id).shelf_life_days
        uow.commit()
    return {"h": world.person("lena", "logistics").headers, "variant": variant_id, "units": int(units),
            "shelf": shelf}


def plan(http, h, suffix=""):
    return http.get(f"/api/v1/production-plan{suffix}?date={WEDNESDAY}&lot_size=10", headers=h)


def test_a_batch_made_becomes_a_lot_in_the_warehouse_and_the_plan_counts_it(http, served, kitchen):
    h, variant = kitchen["h"], kitchen["variant"]
    before = next(r for r in plan(http, h).json["rows"] if r["variant_id"] == variant)
    assert before["produced"] == 0 and before["to_make"] == before["needed"] - before["on_hand"] > 0
    made = http.post("/api/v1/production-batches", headers=h, json={
        "variant_id": variant, "units": 3, "production_date": WEDNESDAY.isoformat(),
        "warehouse_id": served["warehouse"]})
    assert made.status_code == 201, made.json
    batch = made.json
    assert batch["use_by"] == (WEDNESDAY + timedelta(days=kitchen["shelf"] - 1)).isoformat()
    assert batch["lot_code"] == f"K20261209-{variant}-1" and batch["units"] == 3
    again = setup(http.post("/api/v1/production-batches", headers=h, json={
        "variant_id": variant, "units": 2, "production_date": WEDNESDAY.isoformat(),
        "warehouse_id": served["warehouse"]}))
    assert again["lot_code"] == f"K20261209-{variant}-2" and again["lot_id"] != batch["lot_id"]
    with served["uow"]() as uow:
        lot = uow.session.get_one(Lot, batch["lot_id"])
        assert (lot.variant_id, lot.production_date, lot.expiry_date.isoformat(), lot.supplier_id) == (
            variant, WEDNESDAY, batch["use_by"], None)
        assert uow.session.scalar(select(StockBalance.quantity).where(
            StockBalance.lot_id == lot.id, StockBalance.location_id == served["warehouse"])) == 3
    after = plan(http, h).json
    row = next(r for r in after["rows"] if r["variant_id"] == variant)
    assert (row["produced"], row["on_hand"]) == (5, before["on_hand"] + 5) and after["produced_units"] == 5
    assert row["to_make"] == max(0, before["to_make"] - 5)


def test_a_batch_is_refused_naming_the_field_and_nothing_is_written(http, world, served, kitchen, dora):
    h, good = kitchen["h"], {"variant_id": kitchen["variant"], "units": 4,
                             "production_date": WEDNESDAY.isoformat(), "warehouse_id": served["warehouse"]}
    for change, field in (({"variant_id": 999_999}, "variant_id"), ({"units": 0}, "units"),
                          ({"production_date": (WEDNESDAY + timedelta(days=1)).isoformat()}, "production_date"),
                          ({"production_date": (WEDNESDAY - timedelta(days=kitchen["shelf"])).isoformat()},
                           "production_date"),
                          ({"warehouse_id": served["van"]}, "warehouse_id"),
                          ({"warehouse_id": 999_999}, "warehouse_id")):
        refused = http.post("/api/v1/production-batches", headers=h, json=good | change)
        assert refused.status_code in (400, 422), (change, refused.json)
        assert field in refused.json["errors"], (change, refused.json)
    missing = http.post("/api/v1/production-batches", headers=h, json={"units": 4})
    assert missing.status_code == 422 and {"variant_id", "production_date", "warehouse_id"} <= set(
        missing.json["errors"])
    assert http.post("/api/v1/production-batches", headers=dora.headers, json=good).status_code == 403
    with served["uow"]() as uow:
        assert uow.session.scalar(select(func.count(ProductionBatch.id))) == 0
        assert uow.session.scalar(select(func.count(Lot.id)).where(Lot.supplier_lot_code.like("K%"))) == 0


def test_pick_lists_per_van_and_per_facility_and_the_workbook(http, served, kitchen):
    h = kitchen["h"]
    driver = setup(http.post("/api/v1/drivers", headers=h, json={"name": "Luc"}))
    setup(http.post("/api/v1/vans", headers=h, json={
        "depot_id": served["warehouse"], "location_id": served["van"], "driver_id": driver["id"], "capacity_l": 900,
        "capacity_kg": 800, "freezer_l": 300, "chilled_l": 400, "shift_start": "07:00:00", "shift_end": "17:00:00",
        "break_earliest": "11:30:00", "break_latest": "13:00:00", "break_minutes": 30, "fixed_cost_eur": "20.00"}))
    before = plan(http, h).json
    assert [v["van_id"] for v in before["vans"]] == [None]  # no published route yet: every open order unrouted
    route = http.post("/api/v1/route-plans", headers=h, json={
        "depot_id": served["warehouse"], "date": THURSDAY.isoformat(), "time_limit_s": 1}).json
    setup(http.post(f"/api/v1/route-plans/{route['id']}/publish", headers=h, json={"version": route["version"]}))
    body = plan(http, h).json
    needed = body["home_units"] + body["ward_units"]
    assert sum(v["units"] for v in body["vans"]) == needed
    routed = [v for v in body["vans"] if v["van_id"] == served["van"]]
    assert routed and routed[0]["van"].endswith("bestelwagen 1") and routed[0]["orders"] >= 1
    (facility,) = body["facilities"]
    assert facility["facility"] == "De Vlasbloem" and [w["ward"] for w in facility["wards"]] == ["Lelie"]
    assert facility["wards"][0]["units"] == body["ward_units"]
    assert all(set(line) == {"variant_id", "dish", "texture", "storage_class", "units"}
               for line in facility["wards"][0]["lines"])  # counts, no person
    sheet = plan(http, h, ".xlsx")
    assert sheet.status_code == 200 and sheet.mimetype.endswith("spreadsheetml.sheet")
    book = load_workbook(io.BytesIO(sheet.data))
    assert book.sheetnames == ["Production", "Vans", "Facilities"]
    rows = list(book["Production"].iter_rows(min_row=3, values_only=True))
    assert [r[0] for r in rows] == [r["variant_id"] for r in body["rows"]]
    crates = list(book["Facilities"].iter_rows(min_row=2, values_only=True))
    assert sum(r[-1] for r in crates) == body["ward_units"] and {r[:2] for r in crates} == {("De Vlasbloem", "Lelie")}
