"""The kitchen's production plan page (issue 16 item 6): logistics see Wednesday's plan for
Thursday's deliveries, the ward crate's units counted beside the homes', in Dutch and
English, with the CSV and Excel beside it; a bad lot size is named on the form; the kitchen
records a batch made on the page and sees the pick lists per van and the crates per ward."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from nutriplat.delivery.models import DeliveryOrderLine
from tests.facilities_world import MONDAY

WEDNESDAY = date(2026, 12, 9)


@pytest.mark.business_day("2026-12-07")
def test_logistics_see_the_production_plan_and_download_it(web, world, served):
    served["run"](MONDAY)
    browser = web(world.person("lena", "logistics"), lang="en-GB")
    page = browser.get(f"/app/logistics/production?date={WEDNESDAY}&lot_size=12").get_data(as_text=True)
    assert "Production plan" in page and "for wards" in page and "Download CSV" in page
    sheet = browser.get(f"/app/logistics/production.csv?date={WEDNESDAY}&lot_size=12")
    assert sheet.status_code == 200 and sheet.get_data(as_text=True).startswith("variant_id,dish,texture")
    dutch = web(world.person("lotte", "logistics")).get(f"/app/logistics/production?date={WEDNESDAY}")
    assert "Productieplan" in dutch.get_data(as_text=True)
    refused = browser.get(f"/app/logistics/production?date={WEDNESDAY}&lot_size=0")
    assert refused.status_code == 422 and "Portions per lot" in refused.get_data(as_text=True)


@pytest.mark.business_day("2026-12-09")
def test_the_kitchen_records_a_batch_on_the_page_and_sees_pick_lists(web, world, served):
    served["run"](MONDAY)
    browser = web(world.person("lena", "logistics"), lang="en-GB")
    page = browser.get(f"/app/logistics/production?date={WEDNESDAY}").get_data(as_text=True)
    assert "Download Excel" in page and "Crates per facility" in page and "Ward Lelie" in page
    assert "Pick lists per van" in page and "Not on a published route yet" in page
    sheet = browser.get(f"/app/logistics/production.xlsx?date={WEDNESDAY}")
    assert sheet.status_code == 200 and sheet.data[:2] == b"PK"  # a zip: the workbook
    with served["uow"]() as uow:
        variant = uow.session.scalar(select(DeliveryOrderLine.variant_id).order_by(DeliveryOrderLine.id).limit(1))
    refused = browser.post("/app/logistics/production/batches", data={
        "variant_id": variant, "units": "0", "production_date": WEDNESDAY.isoformat(),
        "warehouse_id": served["warehouse"]})
    assert refused.status_code == 422 and "Portions made" in refused.get_data(as_text=True)
    made = browser.post("/app/logistics/production/batches", data={
        "variant_id": variant, "units": "6", "production_date": WEDNESDAY.isoformat(),
        "warehouse_id": served["warehouse"], "lot_size": "12"}, follow_redirects=True)
    assert made.status_code == 200 and f"lot K20261209-{variant}-1" in made.get_data(as_text=True)
    assert "6 units made today already" in made.get_data(as_text=True)
    dutch = web(world.person("lotte", "logistics")).get(f"/app/logistics/production?date={WEDNESDAY}")
    assert "Kratten per voorziening" in dutch.get_data(as_text=True)
