"""The cofinancer's journey in a real browser: sign in, open the agreement's indicator
report, download it (indicator rows, never a person), issue and read a settlement
statement, see the billing statements; and the admin's users page. Screenshots of
each main page, each checked against WCAG 2.1 AA (``axe``), the dashboard also in English.
The data is entered as the staff would: through the API."""
from __future__ import annotations

import csv
import io
import re

import pytest
from playwright.sync_api import expect

from tests.api.indicators_pilot import accept
from tests.setup_calls import setup

FAMILIES = ["Verhaeghe", "Declercq", "Vermeulen", "Desmet", "Maes", "Vandamme",
            "Claeys", "Goethals", "Wouters", "Peeters", "Janssens"]
SCREENED = 6  # six of eleven: five stay outside the count, so the coverage can be shown


@pytest.fixture
def funded_cohort(world, http, maria):
    """Eleven consented clients, six of them (three women, three men) screened in August 2026, and an
    agreement over them with Regionaal Zorgfonds (cofinancer "els")."""
    ada = world.person("ada", "admin")
    dora = world.person("dora", "dietitian")
    els = world.person("els", "cofinancer", organisation="Regionaal Zorgfonds")
    for n, family in enumerate(FAMILIES):
        client = setup(http.post("/api/v1/clients", headers=dora.headers,
                                 json=maria | {"family_name": family, "sex": ("female", "male")[n % 2],
                                              "referral": {"date": "2026-02-01"}}))
        base = f"/api/v1/clients/{client['id']}"
        assert http.post(f"{base}/status-changes", headers=dora.headers, json={
            "changed_on": "2026-02-01", "to_status": "active", "reason": "start"}).status_code == 201
        assert http.post(f"{base}/consents", headers=dora.headers,
                         json={"purpose": "cofinancer_reporting"}).status_code == 201
        if n >= SCREENED:
            continue
        screened = http.post(f"{base}/screenings", headers=dora.headers, json={
            "instrument": "must", "performed_at": f"2026-08-{10 + n}T10:00:00+02:00",
            "answers": {"bmi": 21.0, "weight_loss_percent": 2.0, "acute_disease_no_intake_5_days": False}})
        assert screened.status_code == 201, screened.json
    agreement = http.post("/api/v1/agreements", headers=ada.headers, json={
        "cofinancer_id": els.organisation_id, "name": "Ondervoeding Roeselare", "starts_on": "2026-04-01",
        "ends_on": "2027-03-31", "baseline_period": "2026Q2", "settlement_period": "quarter",
        "indicators": [{"code": "screening_coverage", "target": 50}, {"code": "at_risk_share"}],
        "payment_rules": [{"kind": "threshold", "params": {
            "indicator": "screening_coverage", "bonus": "2500.00", "clawback": "1000.00", "floor": "40"}}]})
    assert agreement.status_code == 201, agreement.json
    return accept(http, ada, els, agreement.json["id"])["id"]


def test_the_cofinancer_opens_a_report_and_downloads_it(page, sign_in, screenshot, axe, funded_cohort):
    sign_in("els")
    expect(page.get_by_role("heading", level=1)).to_have_text("Overeenkomsten")
    screenshot(page, "1-agreements")
    axe(page)

    page.get_by_role("link", name="Ondervoeding Roeselare", exact=True).click()
    page.get_by_label("Periode").fill("2026Q3")
    page.get_by_role("button", name="Tonen").click()
    expect(page.get_by_role("heading", level=2).first).to_contain_text("2026Q3")
    coverage = page.get_by_role("row", name=re.compile("Screening coverage"))
    expect(coverage).to_contain_text("54,5")  # six of eleven screened in the quarter
    expect(coverage).to_contain_text("ja")  # target 50 met
    expect(page.locator(".badge-suppressed").first).to_have_text("onderdrukt")
    for chart in page.locator(".chart img").all():  # the PNG trend charts, loaded lazily
        chart.scroll_into_view_if_needed()
    page.wait_for_function("() => [...document.querySelectorAll('.chart img')]"
                           ".every(img => img.complete && img.naturalWidth > 0)")
    screenshot(page, "2-dashboard")
    axe(page)

    with page.expect_download() as info:
        page.get_by_role("link", name="CSV downloaden").click()
    download = info.value
    assert download.suggested_filename == f"indicators-{funded_cohort}-2026Q3.csv"
    with open(download.path(), encoding="utf-8") as file:
        text = file.read()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["indicator"] for r in rows} == {"screening_coverage", "at_risk_share"}
    assert set(rows[0]) == {"indicator", "period", "dimension", "category", "numerator", "denominator",
                            "value", "suppressed", "no_data"}
    assert not any(name in text for name in [*FAMILIES, "Maria", "client"])
    response = page.request.get(f"/app/cofinancer/agreements/{funded_cohort}/report.xlsx?period=2026Q3")
    assert response.status == 200
    assert response.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    csv_response = page.request.get(f"/app/cofinancer/agreements/{funded_cohort}/report.csv?period=2026Q3")
    assert csv_response.headers["content-type"].startswith("text/csv")

    page.get_by_role("link", name="Afrekeningen").first.click()
    page.get_by_label(re.compile("Periode")).fill("2026-08")
    page.get_by_role("button", name="De afrekening uitreiken").click()
    expect(page.locator(".field-error")).to_contain_text("settles per quarter")  # next to the field
    axe(page)  # the settlements page, its form with the error
    page.get_by_label(re.compile("Periode")).fill("2026Q3")
    page.get_by_role("button", name="De afrekening uitreiken").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Afrekening 2026Q3")
    expect(page.locator(".payment-line")).to_contain_text("target met: bonus € 2500.00")
    expect(page.locator("main")).to_contain_text("tot op de cent")
    expect(page.locator("main")).not_to_contain_text("Verhaeghe")
    screenshot(page, "3-settlement")
    axe(page)

    page.get_by_role("link", name="Facturatieoverzichten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Facturatieoverzichten")
    screenshot(page, "4-billing-statements")
    axe(page)

    page.set_viewport_size({"width": 390, "height": 844})  # a phone: nothing wider than the screen
    page.goto(f"/app/cofinancer/agreements/{funded_cohort}?period=2026Q3")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "5-dashboard-390px")
    axe(page)

    page.set_viewport_size({"width": 1280, "height": 900})  # the language switch: the dashboard in English
    page.goto("/app/account")
    page.get_by_label("Taal van de toepassing").select_option("en-GB")
    page.get_by_role("button", name="Opslaan").click()
    page.goto(f"/app/cofinancer/agreements/{funded_cohort}?period=2026Q3")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    axe(page)


def test_the_admin_manages_users(page, sign_in, screenshot, axe, world):
    world.person("ada", "admin")
    world.person("dora", "dietitian")
    sign_in("ada")
    expect(page.get_by_role("heading", level=1)).to_have_text("Gebruikers")
    page.get_by_label("Gebruikersnaam").fill("x")
    page.get_by_role("button", name="Account aanmaken").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#f-username")).to_have_attribute("aria-invalid", "true")
    axe(page)  # the form with its errors
    page.get_by_label("Gebruikersnaam").fill("dirk")
    page.get_by_label("Wachtwoord").fill("long enough pw")
    page.get_by_label("Rol").select_option("dietitian")
    page.get_by_label("Organisatie").select_option("Provider A")
    page.get_by_role("button", name="Account aanmaken").click()
    expect(page.locator(".flash")).to_contain_text("dirk")
    page.get_by_role("button", name="Deactiveren dora").click()
    expect(page.get_by_role("row", name=re.compile("dora"))).to_contain_text("gedeactiveerd")
    screenshot(page, "admin-users")
    axe(page)
    for link in ("Organisaties", "Catalogus", "Prijzen", "Taakuitvoeringen"):  # the admin's other pages
        page.get_by_role("navigation").get_by_role("link", name=link).click()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        axe(page)
