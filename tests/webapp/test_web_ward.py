"""Ward staff's pages: their ward's trays of the day, what was eaten recorded with one
button (intake), the printable tray labels; another facility's ward is not found."""
from __future__ import annotations

import pytest

from tests.facilities_world import MONDAY, THURSDAY


def test_ward_staff_land_on_their_wards_trays_and_record_lunch(web, http, dora, facilities, place, planned, today):
    ward, staff = facilities["vlasbloem"]["ward"], facilities["vlasbloem"]["staff"]
    resident = place("nursing_home", ward, "101")
    planned(resident)
    browser = web(staff, lang="en-GB")
    landing = browser.get("/app/ward")
    assert landing.status_code == 302 and landing.location.endswith(f"/app/ward/{ward}")
    page = browser.get(f"/app/ward/{ward}?meal_moment=lunch").get_data(as_text=True)
    assert "Maria Vandenberghe" in page and "room 101" in page and "How much was eaten?" in page
    done = browser.post(f"/app/ward/{ward}", {"client_id": resident, "date": today.isoformat(),
                                              "meal_moment": "lunch", "eaten": "half"})
    assert done.status_code == 302, done.get_data(as_text=True)
    assert "Eaten: ½" in browser.get(done.location).get_data(as_text=True)
    intake = http.get(f"/api/v1/clients/{resident}/intake", headers=dora.headers).json
    assert [(r["meal_slot"], r["percent_eaten"]) for r in intake] == [("lunch", 50)]


def test_tray_labels_print_the_iddsi_level_with_its_colour_in_the_users_language(web, facilities, place, planned):
    ward, staff = facilities["vlasbloem"]["ward"], facilities["vlasbloem"]["staff"]
    planned(place("nursing_home", ward, "102", iddsi_food_level="4"))
    page = web(staff).get(f"/app/ward/{ward}/labels?meal_moment=dinner").get_data(as_text=True)
    assert "IDDSI 4 · groen" in page and "#1E9E4A" in page and "kamer 102" in page


def test_another_facilitys_ward_is_not_found(web, facilities):
    staff = facilities["vlasbloem"]["staff"]
    assert web(staff).get(f"/app/ward/{facilities['azdelta']['ward']}").status_code == 404


@pytest.mark.business_day("2026-12-07")
def test_logistics_see_a_ward_order_beside_home_orders(web, world, served):
    served["run"](MONDAY)
    logistics = world.person("kurt", "logistics")
    page = web(logistics, lang="en-GB").get(f"/app/logistics/orders?date={THURSDAY}").get_data(as_text=True)
    assert f"Ward order, ward {served['ward']}" in page and "ward order" in page
