"""Issue 18's first browser journey: a GP's referral reaches the dietitian's inbox, she accepts
it (the person becomes a client), finds the new client by date of birth and screens them with SNAQ.
Every page checked against WCAG 2.1 AA (``axe``), in Dutch."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.setup_calls import setup


def test_a_referral_is_accepted_and_the_new_client_screened(page, sign_in, screenshot, axe, world, http):
    provider = world.organisation("Provider A")
    world.person("lien", "dietitian")
    world.organisation("De Mandel", "referrer")
    gp = world.person("huisarts", "referrer", organisation="De Mandel")
    setup(http.post("/api/v1/referrals", headers=gp.headers, json={
        "provider_id": provider, "given_name": "Jozef", "family_name": "Vermeulen",
        "birth_date": "1941-11-02", "address": {"street": "Kerkstraat 4", "postal_code": "8800",
                                                 "city": "Roeselare"},
        "reason": "Eet de helft van zijn maaltijden.", "urgency": "soon", "consent_for_care": True}))

    sign_in("lien")
    page.goto("/app/dietitian/referrals/")
    expect(page.get_by_role("heading", level=2)).to_contain_text("Jozef Vermeulen")
    axe(page)
    page.get_by_role("button", name="Aanvaarden").click()
    expect(page.locator(".flash")).to_contain_text("cliënt")
    expect(page.get_by_text("Geen nieuwe verwijzingen.")).to_be_visible()
    screenshot(page, "referral-accepted")

    page.goto("/app/dietitian/clients")
    page.get_by_label("Geboortedatum").fill("1941-11-02")  # found by date of birth
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name="Vermeulen, Jozef").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jozef Vermeulen")
    axe(page)

    page.get_by_role("link", name="Nieuwe screening").click()
    page.get_by_role("link", name="SNAQ", exact=True).click()
    groups = page.locator("fieldset")
    for index in range(groups.count()):  # the first answer of each question: no weight loss, "no"
        groups.nth(index).get_by_role("radio").first.check()
    axe(page)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".flash")).to_contain_text("SNAQ")
    screenshot(page, "referral-screened")
    axe(page)
