"""The dietitian opens a client's deliveries from the client page in a real browser: the
newest first, the next page with the delivery refused in part, its proof and photo.
Each page checked against WCAG 2.1 AA (``axe``), also on a phone."""
from __future__ import annotations

from playwright.sync_api import expect


def test_the_dietitian_follows_a_clients_deliveries_on_a_phone(page, sign_in, axe, screenshot, world,
                                                               delivered):
    client_id, item = delivered
    world.person("dora", "dietitian")
    sign_in("dora")
    page.goto(f"/app/dietitian/clients/{client_id}")
    page.get_by_role("link", name="Leveringen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Leveringen")
    axe(page)

    page.get_by_role("link", name="Volgende").click()
    refused = page.locator("article.delivery").filter(has_text="Geweigerd aan de deur")
    expect(refused).to_contain_text(f"1 × {item['dish']}: Lust dit niet")
    expect(refused).to_contain_text("te warm")
    expect(refused.get_by_role("link", name="Open de foto van de levering")).to_be_visible()
    axe(page)
    page.set_viewport_size({"width": 390, "height": 844})  # a phone: nothing wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "1-refused-delivery-on-a-phone")
    axe(page)
