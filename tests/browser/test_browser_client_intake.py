"""The dietitian registers a client who may already be one, in a real browser: from the
client list to the new-client form, the possible-duplicates step (nothing saved yet,
with a link to the existing record), the confirmation, the new client's page. Each page
checked against WCAG 2.1 AA (``axe``), the duplicates step also on a phone and in English."""
from __future__ import annotations

import re

from playwright.sync_api import expect


def _fill(page, family_name: str) -> None:  # type: ignore[no-untyped-def]
    page.get_by_label(re.compile("^Voornaam")).fill("Jan")
    page.get_by_label(re.compile("^Familienaam")).fill(family_name)
    page.get_by_label(re.compile("^Geboortedatum")).fill("1938-06-21")
    page.get_by_label(re.compile("^Geslacht")).select_option("male")
    page.get_by_label("Postcode").fill("8800")
    page.get_by_label("Gemeente").fill("Roeselare")
    page.get_by_label("ziekte van Parkinson").check()


def test_a_possible_duplicate_is_shown_before_the_new_client_is_registered(page, sign_in, screenshot, axe, lien):
    sign_in("lien")
    page.get_by_role("link", name="Cliënten").first.click()
    page.get_by_role("link", name="Nieuwe cliënt").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuwe cliënt")
    axe(page)
    _fill(page, "Declercq")
    page.get_by_role("button", name="Controleren en inschrijven").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jan Declercq")  # nobody like him: saved
    first = page.url.split("127.0.0.1", 1)[1].split("/", 1)[1]  # /app/dietitian/clients/<id>, without the port

    page.goto(page.url.rsplit("/", 1)[0] + "/new")
    _fill(page, "DECLERCQ")
    page.get_by_role("button", name="Controleren en inschrijven").click()
    duplicates = page.locator("#duplicates")
    expect(duplicates).to_contain_text("Mogelijke dubbels")
    expect(duplicates.get_by_role("link", name="Declercq, Jan")).to_have_attribute("href", "/" + first)
    screenshot(page, "1-possible-duplicates")
    axe(page)
    page.set_viewport_size({"width": 390, "height": 844})  # a phone: nothing wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    axe(page)
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("button", name="Dit is een nieuwe persoon: schrijf de cliënt in").click()
    expect(page.locator(".flash")).to_contain_text("ingeschreven als cliënt")
    expect(page.get_by_role("heading", level=1)).to_have_text("Jan DECLERCQ")
    assert not page.url.endswith(first)
    axe(page)


def test_the_duplicates_step_in_english(page, sign_in, axe, http, lien, maria):  # type: ignore[no-untyped-def]
    from tests.setup_calls import setup

    setup(http.post("/api/v1/clients", json=maria, headers=lien.headers))  # Maria Vandenberghe, 1944-03-12, 8800
    sign_in("lien")
    page.goto("/app/account")
    page.get_by_label("Taal van de toepassing").select_option("en-GB")
    page.get_by_role("button", name="Opslaan").click()
    page.goto("/app/dietitian/clients/new")
    page.get_by_label(re.compile("^Given name")).fill("Maria")
    page.get_by_label(re.compile("^Family name")).fill("Vandenberghe")
    page.get_by_label(re.compile("^Date of birth")).fill("1944-03-12")
    page.get_by_label(re.compile("^Sex")).select_option("female")
    page.get_by_label("Postal code").fill("8800")
    page.get_by_role("button", name="Check and register").click()
    expect(page.locator("#duplicates")).to_contain_text("Possible duplicates")
    expect(page.locator("#duplicates")).to_contain_text("Vandenberghe, Maria")
    axe(page)


def test_the_profile_setting_and_records_pages_pass_axe_with_their_errors(  # type: ignore[no-untyped-def]
        page, sign_in, axe, lien, measured_client):
    sign_in("lien")
    page.goto(f"/app/dietitian/clients/{measured_client}")
    page.get_by_role("link", name="Gewicht en inname").click()
    page.get_by_label(re.compile("^Waarde")).fill("608")
    page.get_by_role("button", name="Meting registreren").click()
    expect(page.locator("#f-value-error-1")).to_contain_text("20")  # refused next to the field
    axe(page)
    page.get_by_label(re.compile("^Waarde")).fill("60,8")
    page.get_by_role("button", name="Meting registreren").click()
    expect(page.locator(".flash")).to_contain_text("De meting is geregistreerd")
    expect(page.locator("#h-measured + div")).to_contain_text("60,8")
    for link, heading in (("Profiel wijzigen", "Profiel"), ("Zorgsetting en status", "Zorgsetting en status"),
                          ("Gewicht en inname", "Gewicht en inname")):
        page.goto(f"/app/dietitian/clients/{measured_client}")
        page.get_by_role("link", name=link).click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
        page.set_viewport_size({"width": 390, "height": 844})
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, link
        axe(page)
        page.set_viewport_size({"width": 1280, "height": 900})
