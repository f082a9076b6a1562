"""The driver on a phone (390 px) opens Thursday's route with a care facility's stop: the
stop is headed by the facility, names the site and lists its crates per ward; the page
passes WCAG 2.1 AA (``axe``) in Dutch and in English and never scrolls sideways."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.business_day("2026-12-07")
PHONE = {"width": 390, "height": 844}


def test_the_driver_sees_a_facility_stop_with_its_crates_per_ward(page, sign_in, screenshot, axe, world,
                                                                   facility_route):
    world.person("luc-phone", "logistics")
    page.set_viewport_size(PHONE)
    sign_in("luc-phone")
    page.goto(f"/app/logistics/today/{facility_route['plan']}/{facility_route['route']}")
    stop = page.locator("li.stop").first
    expect(stop.get_by_role("heading", level=2)).to_contain_text("De Vlasbloem")
    expect(stop).to_contain_text("De Vlasbloem hoofdgebouw")
    expect(stop.get_by_role("heading", level=3)).to_have_text("Afdelingsbak Lelie")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling
    screenshot(page, "facility-stop-phone")
    axe(page)

    route = page.url  # the same page in English
    page.goto("/app/account")
    page.get_by_label("Taal van de toepassing").select_option("en-GB")
    page.get_by_role("button", name="Opslaan").click()
    page.goto(route)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("li.stop").first.get_by_role("heading", level=3)).to_have_text("Ward crate Lelie")
    axe(page)
