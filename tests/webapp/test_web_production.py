"""The kitchen's production plan page (issue 16 item 6): logistics see Wednesday's plan for
Thursday's deliveries, the ward crate's units counted beside the homes', in Dutch and
English, with the CSV beside it; a bad lot size is named on the form."""
from __future__ import annotations

from datetime import date

import pytest

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
