"""Correcting a GLIM diagnosis on a phone (390 px), in Dutch then English: from the client
page's results to the form filled in with what was answered, refused without a reason
(the error next to the field), saved with one; the client page then shows the correction
and the timeline in the reader's language. Each page checked against WCAG 2.1 AA."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.setup_calls import setup

GLIM = {"reduced_muscle_mass": "mild_moderate", "reduced_intake": True, "inflammation": False}


def test_the_dietitian_corrects_a_glim_diagnosis_on_a_phone(page, sign_in, screenshot, axe, lien,
                                                            measured_client, http):
    setup(http.post(f"/api/v1/clients/{measured_client}/assessments", headers=lien.headers,
                    json={"method": "glim", "answers": GLIM}))
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in("lien")
    page.goto(f"/app/dietitian/clients/{measured_client}")
    expect(page.locator("#h-timeline ~ .table-scroll")).to_contain_text("GLIM: ondervoed, stadium 2")
    axe(page)
    page.get_by_role("link", name=re.compile(r"Corrigeren \(GLIM")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("GLIM")
    expect(page.get_by_text("Je corrigeert de GLIM-diagnose van")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    axe(page)
    page.get_by_role("button", name="Correctie bewaren").click()  # no reason yet
    expect(page.locator("#f-correction_reason-error-1")).to_contain_text("Zeg waarom")
    screenshot(page, "glim-correction-refused-390px")
    axe(page)
    page.get_by_label("Reden van de correctie").fill("Eet normaal volgens de dochter.")
    page.locator('input[name="answers.reduced_intake"][value="false"]').check()
    page.get_by_role("button", name="Correctie bewaren").click()
    expect(page.locator(".flash")).to_contain_text("GLIM, niet ondervoed")
    expect(page.locator("main")).to_contain_text("correctie: Eet normaal volgens de dochter.")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "glim-corrected-390px")
    axe(page)

    page.goto("/app/account")
    page.get_by_label("Taal van de toepassing").select_option("en-GB")
    page.get_by_role("button", name="Opslaan").click()
    page.goto(f"/app/dietitian/clients/{measured_client}")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#h-timeline ~ .table-scroll")).to_contain_text("GLIM: not malnourished")
    expect(page.locator("main")).to_contain_text("correction: Eet normaal volgens de dochter.")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    axe(page)
