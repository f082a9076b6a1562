"""Issue 16 item 6: the central kitchen's production plan of Wednesday 9 December 2026 —
per dish variant and texture, Thursday's home orders and ward orders side by side, less
the usable stock on hand, in lots of the kitchen's lot size; as JSON and CSV."""
from __future__ import annotations

import csv
import io
import math
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from nutriplat.delivery.models import DeliveryOrder, DeliveryOrderLine
from tests.builders import delivery as delivery_scenario
from tests.facilities_world import MONDAY, THURSDAY
from tools.builders import stock as scenario

pytestmark = pytest.mark.business_day("2026-12-07")
WEDNESDAY = date(2026, 12, 9)


def units(session, ward: bool) -> int:
    return session.scalar(select(func.sum(DeliveryOrderLine.quantity)).join(DeliveryOrder).where(
        DeliveryOrder.delivery_date == THURSDAY,
        DeliveryOrder.ward_id.is_not(None) if ward else DeliveryOrder.ward_id.is_(None)))


def test_the_plan_counts_homes_and_wards_together_less_stock_in_whole_lots(http, world, facilities, served):
    served["run"](MONDAY)
    with served["uow"]() as uow:
        organisation = facilities["admin"].organisation_id
        delivery_scenario.client_orders(uow.session, organisation, served["warehouse"], served["products"], THURSDAY,
                                        [(50.95, 3.12)])
        scenario.stock(uow.session, organisation, served["warehouse"], served["products"][:3],
                       MONDAY - timedelta(days=1), units=5)
        uow.commit()
        home, ward = units(uow.session, False), units(uow.session, True)
    logistics = world.person("lena", "logistics").headers
    plan = http.get(f"/api/v1/production-plan?date={WEDNESDAY}&lot_size=10", headers=logistics)
    assert plan.status_code == 200, plan.json
    body = plan.json
    assert body["delivery_date"] == THURSDAY.isoformat() and (body["home_units"], body["ward_units"]) == (home, ward)
    assert sum(r["home_units"] for r in body["rows"]) == home and sum(r["ward_units"] for r in body["rows"]) == ward
    for row in body["rows"]:
        assert row["to_make"] == max(0, row["needed"] - row["on_hand"])
        assert row["lots"] == math.ceil(row["to_make"] / 10) and row["lot_units"] == 10 * row["lots"]
    assert any(r["on_hand"] for r in body["rows"])  # the stocked products count what the warehouse holds
    sheet = http.get(f"/api/v1/production-plan.csv?date={WEDNESDAY}&lot_size=10", headers=logistics)
    rows = list(csv.DictReader(io.StringIO(sheet.get_data(as_text=True))))
    assert sheet.mimetype == "text/csv" and [int(r["lots"]) for r in rows] == [r["lots"] for r in body["rows"]]


def test_only_planners_read_it_and_a_lot_size_must_make_something(http, world, dora):
    assert http.get(f"/api/v1/production-plan?date={WEDNESDAY}", headers=dora.headers).status_code == 403
    refused = http.get(f"/api/v1/production-plan?date={WEDNESDAY}&lot_size=0",
                       headers=world.person("lena", "logistics").headers)
    assert refused.status_code == 422 and "lot_size" in str(refused.json["errors"])
