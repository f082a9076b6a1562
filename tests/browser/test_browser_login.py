"""The login page in both languages, on a phone and with its error, the error page, a
caregiver's landing on their portal and the account page, where the language is switched,
each checked against WCAG 2.1 AA (``axe``). The other roles' start pages are checked in
their own journeys."""
from __future__ import annotations

from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}


def test_the_login_page_in_dutch_and_english_and_a_caregivers_start_page(page, sign_in, axe, world):
    world.person("cato", "caregiver")
    page.set_viewport_size(PHONE)  # caregivers and drivers sign in on their phones
    page.goto("/app/login")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    axe(page)
    sign_in("cato", "not the password")
    expect(page.locator(".error-summary")).to_contain_text("Ongeldige gebruikersnaam of wachtwoord.")
    axe(page)

    page.goto("/app/no-such-page")  # the error page, as anyone may meet it
    expect(page.get_by_role("heading", level=1)).to_contain_text("404")
    axe(page)

    page.goto("/app/login")
    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    axe(page)

    sign_in("cato")  # signed in, the user's own language (Dutch) holds: the caregiver's portal
    expect(page.get_by_role("heading", level=1)).to_have_text("De mensen voor wie ik zorg")
    page.goto("/app/account")  # where the language is switched
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn account")
    axe(page)
    page.get_by_label("Taal van de toepassing").select_option("en-GB")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My account")
    axe(page)
