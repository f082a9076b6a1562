"""Logistics' equipment page in Chromium: the freezers and ovens, a breakdown reported
with a replacement (an error next to the field first); each page checked against WCAG
2.1 AA (``axe``)."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.api.equipment_world import installed


def test_a_breakdown_is_reported_from_the_equipment_page(page, sign_in, screenshot, axe, http, shop,
                                                         today):
    broken, spare = shop.freezers
    installed(http, shop, broken["id"], shop.clients[0], today)
    sign_in("lena")
    page.goto("/app/logistics/equipment")
    expect(page.get_by_role("heading", level=1)).to_have_text("Toestellen")
    expect(page.get_by_role("cell", name="FRZ-001", exact=True)).to_be_visible()
    screenshot(page, "equipment")
    axe(page)

    page.get_by_role("link", name="Storing melden (FRZ-001)").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Storing melden")
    page.get_by_label("Gemeld door").select_option("driver")
    page.get_by_role("button", name="Herstelling openen").click()
    expect(page.get_by_label("Wat is er mis")).to_have_attribute("aria-invalid", "true")
    axe(page)  # the form with its error
    page.get_by_label("Wat is er mis").fill("Koelt niet meer")
    page.get_by_label("Vervanger").select_option(str(spare["id"]))
    page.get_by_role("button", name="Herstelling openen").click()
    expect(page.get_by_text("is geopend")).to_be_visible()
    expect(page.locator("td .badge", has_text="in herstelling")).to_be_visible()
    screenshot(page, "equipment-after-breakdown")
    axe(page)
