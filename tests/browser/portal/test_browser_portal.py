"""The client's and the caregiver's portal in a real browser at phone size (390 px): a
caregiver records lunch and a weight, the case appears on the dietitian's day and the
caregiver, in the client's care team, acknowledges the weight-loss alert on /app/care; a
caregiver with 'order' adds an extra meal before the cut-off and is refused after it; a
client withdraws research consent; a client gets 404 for another client. Every portal page
is checked against WCAG 2.1 AA (``axe``); the forms are used with the keyboard."""
from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

import pytest
from playwright.sync_api import expect

from nutriplat.clock import BRUSSELS, clock_set_to, local_now
from tests.api.portal.home_world import suitable
from tests.setup_calls import setup

pytestmark = pytest.mark.browser


@pytest.fixture
def phone(page):  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 390, "height": 844})
    return page


def test_a_caregiver_records_lunch_and_a_weight_and_the_case_reaches_the_dietitians_day(
        phone, sign_in, axe, screenshot, http, home, caregiver, today, world):
    dietitian = home["people"]["dietitian"]
    for weight, days in ((70.0, 60), (69.5, 30)):
        setup(http.post(f"/api/v1/clients/{home['client']}/measurements", headers=dietitian.headers, json={
            "type": "weight_kg", "value": weight,
            "measured_at": f"{(today - timedelta(days=days)).isoformat()}T09:00:00+01:00"}))
    anna = caregiver("anna", "view", "record")
    # Anna is in Maria's care team and caregivers are told of weight loss: her page shows the alert.
    setup(http.post(f"/api/v1/clients/{home['client']}/care-team", headers=dietitian.headers,
                    json={"user_id": anna.id, "kind": "caregiver", "consent": True}))
    setup(http.put("/api/v1/alert-routes/weight_loss", headers=world.person("ada", "admin").headers,
                   json={"recipients": ["dietitian", "caregiver"]}))
    sign_in("anna")
    expect(phone.get_by_role("heading", level=1)).to_have_text("De mensen voor wie ik zorg")
    axe(phone)
    phone.get_by_role("link", name="Maria Vandenberghe").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Maria Vandenberghe")
    screenshot(phone, "1-care-client")
    axe(phone)
    for section in ("Thuis", "Doelen en healthcoins", "Berichten", "Mijn gegevens en toestemmingen", "Te lezen",
                    "Wat ik at"):
        phone.get_by_role("link", name=section).click()
        expect(phone.get_by_role("heading", level=2)).to_have_text(section)
        axe(phone)
    screenshot(phone, "2-what-i-ate")
    phone.get_by_label("Maaltijd").select_option("lunch")
    phone.get_by_label("½").check()
    phone.get_by_label("Glazen gedronken").fill("2")
    phone.get_by_label("Glazen gedronken").press("Enter")  # the keyboard sends the form
    expect(phone.locator(".flash")).to_contain_text("Bewaard")
    phone.get_by_role("textbox", name=re.compile("^Gewicht in kg")).fill("64,0")
    phone.get_by_role("button", name="Gewicht bewaren").click()
    expect(phone.locator(".flash")).to_contain_text("gewicht")
    axe(phone)

    phone.goto("/app/care")  # the weight loss told to her care team, Anna among them
    alerts = phone.get_by_role("region", name="Signalen van het zorgteam")
    expect(alerts.get_by_role("heading", level=3)).to_contain_text("Maria Vandenberghe")
    screenshot(phone, "3-care-team-alert")
    axe(phone)
    alerts.get_by_role("button", name="Bevestigen").click()
    expect(phone.locator(".flash")).to_contain_text("Bevestigd")
    expect(alerts).to_contain_text("door anna op")
    axe(phone)

    sign_in(dietitian.username)
    expect(phone.locator("#h-cases").locator("..")).to_contain_text("Maria Vandenberghe")


def test_an_empty_meal_shows_its_error_linked_to_the_field(phone, sign_in, axe, home, caregiver):
    caregiver("anna", "view", "record")
    sign_in("anna")
    phone.get_by_role("link", name="Maria Vandenberghe").click()
    phone.get_by_role("link", name="Wat ik at").click()
    phone.get_by_role("button", name="Maaltijd bewaren").click()
    summary = phone.locator(".error-summary")
    expect(summary).to_be_visible()
    summary.get_by_role("link").first.click()
    expect(phone.locator("#f-portion")).to_be_focused()
    axe(phone)


def test_a_caregiver_with_order_adds_an_extra_meal_before_the_cut_off_and_not_after(
        phone, sign_in, axe, home, caregiver):
    caregiver("bart", "view", "order")
    with clock_set_to(local_now().replace(hour=10, minute=0)):
        sign_in("bart")
        phone.get_by_role("link", name="Maria Vandenberghe").click()
        phone.get_by_role("link", name="Thuis").click()
        form = phone.locator("form#extra")
        form.get_by_label("Leverdag").select_option(index=0)
        form.get_by_label("Maaltijd").select_option(str(suitable(home).variant_id))
        form.get_by_label("Hoeveel").fill("2")
        form.locator("button[type=submit]").click()
        expect(phone.locator(".flash")).to_contain_text("Besteld")
        axe(phone)
        first_day = phone.locator("form#extra").get_by_label("Leverdag").locator("option").first.get_attribute("value")
    past_cut_off = datetime.combine(date.fromisoformat(first_day) - timedelta(days=1), time(15), BRUSSELS)
    with clock_set_to(past_cut_off):  # the day before, 15:00: past the 14:00 cut-off
        sign_in("bart")  # the morning's session has idled out
        phone.get_by_role("link", name="Maria Vandenberghe").click()
        phone.get_by_role("link", name="Thuis").click()
        form = phone.locator("form#extra")
        options = form.get_by_label("Leverdag").locator("option")
        assert first_day not in [options.nth(i).get_attribute("value") for i in range(options.count())]
        # Sent anyway (as from a page left open past the cut-off): refused, the reason at the field.
        phone.evaluate("(day) => { const s = document.querySelector('#f-delivery_date');"
                       " s.add(new Option(day, day)); s.value = day; }", first_day)
        form.locator("button[type=submit]").click()
        expect(phone.locator(".error-summary")).to_be_visible()
        expect(phone.locator("#f-delivery_date")).to_have_attribute("aria-invalid", "true")
        axe(phone)


def test_a_client_withdraws_research_consent_and_gets_404_for_another_client(
        phone, sign_in, axe, http, home, client_account, maria):
    dietitian = home["people"]["dietitian"]
    setup(http.post(f"/api/v1/clients/{home['client']}/consents", headers=dietitian.headers,
                    json={"purpose": "research"}))
    other = setup(http.post("/api/v1/clients", headers=dietitian.headers, json=maria | {"given_name": "Jozef"}))
    sign_in("client.maria")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Maria Vandenberghe")
    axe(phone)
    phone.get_by_role("link", name="Mijn gegevens en toestemmingen").click()
    phone.get_by_role("button", name=re.compile("Toestemming voor .* intrekken")).click()
    expect(phone.locator(".flash")).to_contain_text("ingetrokken")
    expect(phone.locator("#data").locator("..")).to_contain_text("ingetrokken op")
    axe(phone)
    response = phone.request.get(f"/api/v1/clients/{other['id']}/fhir-bundle")
    assert response.status in (401, 404)
    assert phone.goto(f"/app/care/{other['id']}").status in (403, 404)
