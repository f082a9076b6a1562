"""Issue 18's coaching journey in a real browser: the dietitian holds a coaching session
from the client page and gives a leaflet; the caregiver reads it through the API (their
portal is not built yet) and the dietitian sees it read. Each page checked against WCAG 2.1
AA (``axe``), the session form also on a phone."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.setup_calls import setup

LEAFLET = {"key": "swallowing-eat10", "kind": "leaflet", "topic": "texture_and_swallowing", "lang": "nl-BE",
           "title": "Veilig slikken", "body": "Rechtop zitten, kleine happen.", "author": "Lien",
           "reviewed_on": "2026-11-02"}


@pytest.mark.business_day("2026-12-07T12:00")  # the session is held at 10:30 today: noon, not the wall clock's time
def test_the_dietitian_holds_a_session_and_gives_a_leaflet_that_the_caregiver_reads(
        page, sign_in, screenshot, axe, http, world, lien, measured_client, today):
    admin = world.person("ada", "admin")
    setup(http.post("/api/v1/content-items", headers=admin.headers, json=LEAFLET))
    anna = world.person("anna", "caregiver", organisation=None)
    setup(http.post(f"/api/v1/clients/{measured_client}/mandates", headers=lien.headers,
                    json={"caregiver_id": anna.id, "scopes": ["view", "record"]}))

    sign_in("lien")
    page.goto(f"/app/dietitian/clients/{measured_client}")
    expect(page.locator("#h-timeline")).to_have_text("Tijdlijn")
    axe(page)
    page.get_by_role("link", name="Coachingsessie").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Coachingsessie")
    axe(page)
    page.get_by_role("button", name="Sessie bewaren").click()  # nothing filled in
    expect(page.locator("#f-held_at-error-1")).to_be_visible()
    axe(page)  # the errors next to their fields
    page.get_by_label("Gehouden op").fill(f"{today.isoformat()}T10:30")
    page.get_by_label("Hoe").select_option("home_visit")
    page.get_by_label("Analyse").fill("Slikt moeizamer bij dunne soep")
    page.get_by_label("Actie 1", exact=True).fill("Elke maandag wegen")
    page.get_by_label("Actie 1 — wie").select_option("caregiver")
    page.get_by_label("Actie 1 — tegen").fill(today.isoformat())
    screenshot(page, "1-coaching-session")
    page.get_by_role("button", name="Sessie bewaren").click()
    expect(page.locator(".flash")).to_contain_text("coachingsessie")
    expect(page.locator("#h-timeline + .actions + .table-scroll")).to_contain_text("Slikt moeizamer")
    screenshot(page, "2-client-timeline")
    axe(page)

    page.get_by_role("link", name="Informatie geven").click()
    page.get_by_label("Item uit de bibliotheek").select_option(label="Veilig slikken (nl-BE, folder)")
    page.get_by_role("button", name="Dit item geven").click()
    expect(page.locator("table")).to_contain_text("nog niet")
    axe(page)

    url = f"/api/v1/clients/{measured_client}/content-assignments"
    [given] = setup(http.get(url, headers=anna.headers))
    assert given["item"]["title"] == "Veilig slikken" and given["read_at"] is None
    assert setup(http.post(f"{url}/{given['id']}/read", headers=anna.headers))["read_at"]
    [done] = setup(http.get(f"/api/v1/clients/{measured_client}/action-plan", headers=anna.headers))
    assert done["text"] == "Elke maandag wegen"
    page.reload()
    expect(page.locator("table")).not_to_contain_text("nog niet")
    screenshot(page, "3-information-read")
    axe(page)

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/app/dietitian/clients/{measured_client}/coaching-sessions/new")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    axe(page)
