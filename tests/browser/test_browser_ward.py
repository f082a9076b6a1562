"""Ward staff on a phone (390 px): open today's tray list of their ward, record what a
resident ate of lunch; the page passes WCAG 2.1 AA (``axe``)."""
from __future__ import annotations

import re

from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}


def test_ward_staff_open_todays_trays_on_a_phone_and_record_lunch(page, sign_in, screenshot, axe, facilities,
                                                                  place, planned):
    ward = facilities["vlasbloem"]["ward"]
    planned(place("nursing_home", ward, "101"))
    page.set_viewport_size(PHONE)
    sign_in("afdeling.vlasbloem")
    expect(page).to_have_url(re.compile(f"/app/ward/{ward}$"))
    page.get_by_role("link", name=re.compile("^(lunch|middagmaal)$")).click()
    tray = page.locator("li.stop").first
    expect(tray).to_contain_text("Maria Vandenberghe")
    axe(page)
    screenshot(page, "ward-trays-phone")
    tray.get_by_role("button", name="¾").click()
    expect(page.locator("li.stop").first.get_by_role("status")).to_contain_text("¾")
    axe(page)
