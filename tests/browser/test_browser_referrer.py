"""The referrer's journey in a real browser, phone-sized where a GP may stand: sign in,
refer someone through the form, follow the referral; the dietitian's inbox declines it
with a reason the referrer then reads; the care-team alerts page. Each page checked
against WCAG 2.1 AA (``axe``), in Dutch and in English."""
from __future__ import annotations

import re

from playwright.sync_api import expect


def test_a_gp_refers_someone_and_reads_the_decline_reason(page, sign_in, screenshot, axe, world):
    world.organisation("Provider A")
    world.person("lien", "dietitian")
    world.person("huisarts.mandel", "referrer", "Huisartsenpraktijk De Mandel")
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in("huisarts.mandel")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn verwijzingen")
    axe(page)
    page.get_by_role("link", name="Iemand verwijzen").first.click()
    axe(page)
    page.get_by_role("button", name="Verwijzing versturen").click()
    expect(page.get_by_role("alert")).to_be_visible()
    axe(page)  # the error summary and the fields' errors
    page.get_by_label("Voornaam").fill("Jozef")
    page.get_by_label("Familienaam").fill("Vermeulen")
    page.get_by_label("Geboortedatum").fill("1941-11-02")
    page.get_by_label("Reden van verwijzing").fill("Eet de helft van zijn maaltijden.")
    page.get_by_label("dringend", exact=True).check()
    page.get_by_label("melk").check()
    page.get_by_label(re.compile("De persoon stemt in")).check()
    page.get_by_role("button", name="Verwijzing versturen").click()
    expect(page.get_by_role("cell", name=re.compile("Jozef Vermeulen"))).to_be_visible()
    screenshot(page, "1-referrals-phone")

    page.context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in("lien")
    page.goto("/app/dietitian/referrals/")
    expect(page.get_by_role("heading", level=2)).to_contain_text("Jozef Vermeulen")
    axe(page)
    screenshot(page, "2-inbox")
    page.get_by_label("Reden van weigering").fill("Woont buiten ons werkgebied.")
    page.get_by_role("button", name="Weigeren").click()
    expect(page.get_by_text("Geen nieuwe verwijzingen.")).to_be_visible()

    page.context.clear_cookies()
    sign_in("huisarts.mandel")
    expect(page.get_by_role("cell", name="Woont buiten ons werkgebied.")).to_be_visible()
    page.goto("/app/care-team/alerts/")
    axe(page)
    page.goto("/app/statements/")
    axe(page)
