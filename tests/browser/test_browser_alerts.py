"""The dietitian's alerts in a real browser: from the menu to the alerts, filter by rule,
acknowledge Maria's weight-loss alert, refuse an over-long note next to its field, then
resolve it with a note. The alerts, goals and mandates pages and the plan's add-an-item
form checked against WCAG 2.1 AA (``axe``) at desktop size."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.api.test_monitoring_alerts import weigh


def test_the_dietitian_acknowledges_and_resolves_an_alert(page, sign_in, screenshot, axe, http, lien,
                                                          measured_client, draft_plan):
    weigh(http, lien, measured_client, 70.0, 20)
    weigh(http, lien, measured_client, 65.5, 0)  # a weight-loss alert
    sign_in("lien")
    page.get_by_role("navigation").get_by_role("link", name="Signalen", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Signalen")
    page.get_by_label("Regel").select_option("weight_loss")
    page.get_by_role("button", name="Filteren").click()
    alert = page.locator(".alert-list > li").first
    expect(alert).to_contain_text("Maria Vandenberghe")
    axe(page)
    screenshot(page, "1-alerts")

    alert.get_by_role("button", name="Bevestigen").click()
    expect(page.locator(".flash")).to_contain_text("bevestigd")
    alert = page.locator(".alert-list > li").first
    expect(alert).to_contain_text("bevestigd")
    # The browser keeps to maxlength; a longer note can only come from elsewhere, so post it as is.
    page.evaluate("document.querySelector('.alert-list textarea').removeAttribute('maxlength')")
    alert.get_by_label("Wat werd gedaan (notitie)").fill("x" * 501)
    alert.get_by_role("button", name="Afsluiten").click()
    alert = page.locator(".alert-list > li").first
    expect(alert.locator(".field-error")).to_be_visible()
    axe(page)
    screenshot(page, "2-refused")
    alert.get_by_label("Wat werd gedaan (notitie)").fill("Maria gebeld: nieuw gebit, eet weer goed.")
    alert.get_by_role("button", name="Afsluiten").click()
    expect(page.locator(".flash")).to_contain_text("afgesloten")
    expect(page.get_by_text("Geen signalen voor deze filters.")).to_be_visible()
    screenshot(page, "3-resolved")

    for url in (f"/app/dietitian/clients/{measured_client}/goals",
                f"/app/dietitian/clients/{measured_client}/mandates",
                f"/app/dietitian/plans/{draft_plan['id']}"):
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        axe(page)
