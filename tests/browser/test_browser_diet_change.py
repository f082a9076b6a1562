"""The dietitian's most important path in a real browser: find a client by postcode,
open her page, change her texture from IDDSI 7 to 4, see which plan items no longer fit
and what replaces them, confirm, and see the plan made of pureed dishes. Each page
checked against WCAG 2.1 AA (``axe``), the preview also on a phone."""
from __future__ import annotations

import re

from playwright.sync_api import expect


def test_the_dietitian_finds_a_client_previews_a_texture_change_and_saves_it(
        page, sign_in, screenshot, axe, lien, measured_client, draft_plan):
    sign_in("lien")
    page.get_by_role("link", name="Cliënten").first.click()
    page.get_by_label("Postcode").fill("8800")
    page.get_by_label("Status").select_option("active")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.locator("tbody tr")).to_have_count(1)
    axe(page)
    screenshot(page, "1-search")

    page.get_by_role("link", name="Vandenberghe, Maria").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Maria Vandenberghe")
    page.get_by_role("link", name="Textuur en allergieën").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Textuur en allergieën")
    axe(page)

    page.get_by_label("Textuur voeding (IDDSI)").select_option("4")
    page.get_by_label(re.compile("^Reden van de wijziging")).fill("Slikproblemen na logopedisch onderzoek")
    page.get_by_role("button", name="Toon wat verandert").click()
    preview = page.locator("#preview")
    expect(preview).to_contain_text("passen niet meer")
    expect(preview.locator("tbody tr").first).to_contain_text("IDDSI 7")
    screenshot(page, "2-preview")
    axe(page)
    page.set_viewport_size({"width": 390, "height": 844})  # a phone: nothing wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    axe(page)
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("button", name="Bevestig en bewaar de wijziging").click()
    expect(page.locator(".flash")).to_contain_text("vervangen")
    expect(page.locator("dl.facts")).to_contain_text("4 · gepureerd")
    screenshot(page, "3-saved")
    axe(page)
