"""The dietitian's journey in a real browser: sign in, put a client's caregiver in their
care team, screen the client (the score appears while answering), review the week's plan,
lock an item and approve it; and a cofinancer who tries a client page is refused. Screenshots of each main page, each
checked against WCAG 2.1 AA (``axe``), in Dutch and, the plan, in English."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.setup_calls import setup


def test_the_dietitian_screens_a_client_then_reviews_and_approves_a_plan(
        page, sign_in, screenshot, axe, lien, measured_client, draft_plan, world, http):
    anna = world.person("anna", "caregiver", organisation=None)
    setup(http.post(f"/api/v1/clients/{measured_client}/mandates", headers=lien.headers,
                    json={"caregiver_id": anna.id, "scopes": ["view"]}))
    sign_in("lien")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mijn dag")
    expect(page.locator("#h-plans")).to_contain_text("(1)")
    screenshot(page, "1-day")
    axe(page)

    page.get_by_role("link", name="Maria Vandenberghe").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Maria Vandenberghe")
    screenshot(page, "2-client")
    axe(page)

    page.get_by_role("link", name="Zorgteam", exact=True).click()  # who is told of Maria's alerts
    expect(page.get_by_role("heading", level=1)).to_have_text("Zorgteam van Maria Vandenberghe")
    page.get_by_role("button", name="Aan het zorgteam toevoegen").click()  # nothing chosen: each field says why
    expect(page.locator('[aria-invalid="true"]')).not_to_have_count(0)
    axe(page)
    page.get_by_label("Persoon", exact=True).select_option(str(anna.id))
    page.get_by_label("Rol in het zorgteam").select_option("caregiver")
    page.get_by_label(re.compile("De cliënt gaat ermee akkoord")).check()
    page.get_by_role("button", name="Aan het zorgteam toevoegen").click()
    expect(page.locator(".flash")).to_contain_text("anna")
    expect(page.locator("#h-members ~ .table-scroll")).to_contain_text("mantelzorger")
    screenshot(page, "2b-care-team")
    axe(page)
    page.get_by_role("link", name="Terug naar de cliënt").click()

    for link in ("Cliënten", "GLIM-diagnose", "Doelen aanpassen"):  # the list, two of the client's forms
        page.get_by_role("link", name=link).first.click()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        axe(page)
        page.go_back()

    page.get_by_role("link", name="Nieuwe screening").click()
    axe(page)  # the choice of instrument
    page.get_by_role("link", name="MUST").click()
    expect(page.locator("#score")).to_contain_text("Nog niet volledig")  # scored on load
    page.get_by_role("group", name=re.compile("Acuut ziek")).get_by_label("nee").check()
    expect(page.locator("#score")).to_contain_text("Totaal 2")  # computed by the server
    expect(page.locator("#score")).to_contain_text("hoog risico")
    screenshot(page, "3-screening-must")
    axe(page)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".flash")).to_contain_text("MUST")
    expect(page.locator("svg .marker")).to_have_count(1)  # the result on the weight chart
    screenshot(page, "4-client-screened")
    axe(page)

    page.get_by_role("link", name="Mijn dag").click()
    page.locator("#h-plans + ul a").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Weekmenu")
    expect(page.locator(".plan-grid")).to_be_visible()
    screenshot(page, "5-plan")
    axe(page)

    first = page.locator(".plan-item").first
    first.locator("summary").click()
    first.get_by_role("button", name=re.compile("^Vergrendel")).click()
    expect(page.locator(".flash")).to_be_visible()
    expect(page.locator(".plan-item").first).to_contain_text("vergrendeld")
    page.get_by_label("Notitie bij de goedkeuring (optioneel)").fill("Besproken met Maria")
    page.get_by_role("button", name="Plan goedkeuren").click()
    expect(page.get_by_text("goedgekeurd", exact=True)).to_be_visible()
    screenshot(page, "6-plan-approved")
    axe(page)

    page.set_viewport_size({"width": 390, "height": 844})  # a phone: nothing wider than the screen
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "7-plan-390px")
    axe(page)

    plan = page.url
    page.goto("/app/account")  # the language switch: the same plan in English, on the phone
    axe(page)
    page.get_by_label("Taal van de toepassing").select_option("en-GB")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".flash")).to_be_visible()
    page.goto(plan)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    axe(page)


def test_a_cofinancer_trying_a_client_page_is_refused(page, sign_in, screenshot, axe, world, measured_client):
    world.person("cora", "cofinancer", "Verzekeraar C")
    sign_in("cora")
    response = page.goto(f"/app/dietitian/clients/{measured_client}")
    assert response is not None and response.status == 403
    expect(page.get_by_role("heading", level=1)).to_contain_text("403")
    expect(page.locator("main")).not_to_contain_text("Vandenberghe")
    screenshot(page, "refused")
    axe(page)
