"""The cofinancer's pages: agreements, the indicator dashboard with suppressed cells,
trend charts, CSV/XLSX downloads, settlement statements and billing statements —
per role, in both languages, and never a person on any page or download."""
from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal

import openpyxl
import pytest

from nutriplat.auth.actor import Actor
from nutriplat.billing.models import LedgerEntry
from nutriplat.clients.models import Client, Consent, Measurement, StatusChange
from nutriplat.indicators import agreements, lifecycle
from nutriplat.screening.models import Screening

NAMES = [f"Cohortlid{n:02d}" for n in range(17)]
SCREENED = 12  # five are never screened: 12 of 17, so that five stay outside the count
FAMILY = "Anoniemstraat"


# Reports show closed periods only: these pages are looked at on 7 December 2026.
pytestmark = pytest.mark.business_day("2026-12-07")


def _cohort(uow, organisation_id: int) -> list[int]:
    """17 consented clients at home, 12 of them screened in Q2 and Q3 2026 (10, then 5 at high
    risk), weighed monthly; the women are too few per cell for the sex breakdown."""
    ids = []
    with uow:
        for n, name in enumerate(NAMES):
            client = Client(organisation_id=organisation_id, given_name=name, family_name=FAMILY,
                            birth_date=date(1938 + n, 3, 1), sex="female" if n < 3 else "male",
                            postal_code="8800", care_setting="home", conditions=["parkinson"],
                            status="active", referral_date=date(2026, 2, 1))
            uow.session.add(client)
            uow.session.flush()
            ids.append(client.id)
            uow.session.add_all([
                StatusChange(client_id=client.id, changed_on=date(2026, 2, 1), to_status="active"),
                Consent(client_id=client.id, purpose="cofinancer_reporting",
                        given_at=datetime(2026, 2, 1, tzinfo=UTC)),
                *[Screening(client_id=client.id, instrument="must", instrument_version="t", answers={},
                            derived={}, components={}, risk=risk,
                            performed_at=datetime(2026, month, 10, 9, tzinfo=UTC),
                            performed_on=date(2026, month, 10), next_due=date(2026, month, 10))
                  for month, risk in ((4, "high" if n < 10 else "low"), (7, "high" if n < 5 else "low"))
                  if n < SCREENED],
                *[Measurement(client_id=client.id, type="weight_kg", value=60 + n + month / 10,
                              measured_at=datetime(2026, month, 5, 9, tzinfo=UTC)) for month in range(3, 10)]])
        uow.commit()
    return ids


@pytest.fixture
def pact(world, uow):
    """A provider admin, the cofinancer party to one agreement over the cohort, another cofinancer."""
    ada = world.person("ada", "admin")
    els = world.person("els", "cofinancer", organisation="Regionaal Zorgfonds")
    olga = world.person("olga", "cofinancer", organisation="Ander Fonds")
    clients = _cohort(uow, ada.organisation_id)
    made = agreements.create_agreement(uow, Actor(ada.id, "ada", "admin", ada.organisation_id), {
        "cofinancer_id": els.organisation_id, "name": "Ondervoeding Roeselare",
        "cohort": {"conditions_any": ["parkinson"]}, "starts_on": date(2026, 4, 1),
        "ends_on": date(2027, 3, 31), "baseline_period": "2026Q2", "settlement_period": "quarter",
        "indicators": [{"code": "screening_coverage", "target": 70}, {"code": "risk_improved_3m", "target": 40},
                       {"code": "mean_weight_change", "target": 0}],
        "payment_rules": [
            {"kind": "per_client_outcome", "params": {"indicator": "risk_improved_3m",
                                                      "price_per_client": "150.00", "cap": "1000.00"}},
            {"kind": "threshold", "params": {"indicator": "screening_coverage", "bonus": "2500.00",
                                             "clawback": "1000.00", "floor": "60"}},
            {"kind": "start_budget", "params": {"amount": "10000.00"}}]})
    lifecycle.propose(uow, Actor(ada.id, "ada", "admin", ada.organisation_id), made.id)
    lifecycle.accept(uow, Actor(els.id, "els", "cofinancer", els.organisation_id), made.id, 1, None)
    return {"ada": ada, "els": els, "olga": olga, "agreement": made.id, "clients": clients}


def _no_person(text: str, clients: list[int]) -> None:
    assert FAMILY not in text and not any(name in text for name in NAMES)
    assert "client_id" not in text and "/clients/" not in text
    assert not any(f"client {i}" in text.lower() for i in clients)


@pytest.mark.parametrize("lang, words", [(None, ("Overeenkomsten", "Ondervoeding Roeselare")),
                                         ("en-GB", ("Agreements", "Ondervoeding Roeselare"))])
def test_the_cofinancer_lands_on_their_agreements_in_their_language(web, pact, lang, words):
    browser = web(pact["els"], lang=lang)
    home = browser.get("/app/")
    assert home.status_code == 302 and home.headers["Location"].endswith("/app/cofinancer/agreements/")
    page = browser.get("/app/cofinancer/agreements/")
    assert page.status_code == 200 and all(w in page.text for w in words)
    _no_person(page.text, pact["clients"])


def test_the_dashboard_shows_values_against_targets_and_suppressed_cells_as_suppressed(web, pact):
    browser = web(pact["els"], lang="en-GB")
    page = browser.get(f"/app/cofinancer/agreements/{pact['agreement']}?period=2026Q3")
    assert page.status_code == 200
    text = page.text
    assert "2026Q2 (baseline)" in text and "2026Q3" in text
    assert "at least 70" in text and "<strong>70.6</strong>" in text  # 12 of 17 screened, target 70
    assert "<strong>50</strong> <span class=\"muted\">(5 / 10)</span>" in text  # 5 of 10 improved
    assert 'badge-suppressed">suppressed</span>' in text  # 3 women: too few to show
    assert "fewer than 5 clients" in text and "never as a number" in text
    assert f"/app/cofinancer/agreements/{pact['agreement']}/trend/risk_improved_3m.png?period=2026Q3" in text
    _no_person(text, pact["clients"])
    dutch = web(pact["els"], lang="nl-BE").get(f"/app/cofinancer/agreements/{pact['agreement']}?period=2026Q3")
    assert dutch.status_code == 200 and "onderdrukt" in dutch.text and "<strong>70,6</strong>" in dutch.text


def test_a_bad_period_is_refused_next_to_the_field(web, pact):
    browser = web(pact["els"], lang="en-GB")
    page = browser.get(f"/app/cofinancer/agreements/{pact['agreement']}?period=2026Q7")
    assert page.status_code == 422
    assert 'id="f-period"' in page.text and 'aria-invalid="true"' in page.text
    assert "Must be a month (2026-09), a quarter (2026Q3) or a year (2026)." in page.text
    future = browser.get(f"/app/cofinancer/agreements/{pact['agreement']}?period=2099")
    assert future.status_code == 422 and "The agreement reports per quarter: 2026Q2, 2026Q3" in future.text
    month = browser.get(f"/app/cofinancer/agreements/{pact['agreement']}?period=2026-08")
    assert month.status_code == 422 and 'aria-invalid="true"' in month.text  # a quarter's month: never


def test_trend_charts_are_images_and_unknown_indicators_are_not_found(web, pact):
    browser = web(pact["els"])
    chart = browser.get(f"/app/cofinancer/agreements/{pact['agreement']}/trend/mean_weight_change.png"
                        "?period=2026Q3")
    assert chart.status_code == 200 and chart.mimetype == "image/png" and chart.data.startswith(b"\x89PNG")
    assert browser.get(f"/app/cofinancer/agreements/{pact['agreement']}/trend/on_time_deliveries.png"
                       ).status_code == 404


def test_downloads_carry_indicator_rows_and_no_person(web, pact):
    browser = web(pact["els"])
    base = f"/app/cofinancer/agreements/{pact['agreement']}/report"
    as_csv = browser.get(f"{base}.csv?period=2026Q3")
    assert as_csv.status_code == 200 and as_csv.mimetype == "text/csv"
    assert "attachment" in as_csv.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(as_csv.get_data(as_text=True))))
    assert {r["indicator"] for r in rows} == {"screening_coverage", "risk_improved_3m", "mean_weight_change"}
    assert any(r["suppressed"] == "True" and r["value"] == "" for r in rows)
    _no_person(as_csv.get_data(as_text=True), pact["clients"])
    as_xlsx = browser.get(f"{base}.xlsx?period=2026Q3")
    assert as_xlsx.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    book = openpyxl.load_workbook(io.BytesIO(as_xlsx.data))
    cells = " ".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row)
    assert "screening_coverage" in cells
    _no_person(cells, pact["clients"])


def test_a_settlement_is_issued_and_shown_step_by_step_with_its_verification(web, pact):
    browser = web(pact["els"], lang="en-GB")
    path = f"/app/cofinancer/agreements/{pact['agreement']}/settlements"
    assert "No statement has been issued yet." in browser.get(path).text
    bad = browser.post(path, {"period": "2026-08"})
    assert bad.status_code == 422 and 'aria-invalid="true"' in bad.text
    assert "The agreement settles per quarter." in bad.text
    blank = browser.post(path, {"period": ""})
    assert blank.status_code == 422 and "Missing data for required field." in blank.text
    issued = browser.post(path, {"period": "2026Q3"})
    assert issued.status_code == 302
    page = browser.get(issued.headers["Location"])
    assert page.status_code == 200
    text = page.text
    assert "clients reaching the outcome" in text and "5 × € 150.00 per client" in text
    assert "target met: bonus € 2500.00" in text
    assert "€13,250.00" in text  # 750 + 2,500 + 10,000
    assert "recomputed from its snapshot: €13,250.00, to the cent" in text
    assert "invoice F2026-000001" in text  # the provider's invoice to the cofinancer
    _no_person(text, pact["clients"])
    again = browser.post(path, {"period": "2026Q3"})
    assert again.status_code == 409 and "Settled in statement" in again.text
    assert "€13,250.00" in browser.get(path).text


def test_billing_statements_show_the_cofinancers_lines_and_check_the_month(web, pact, uow):
    with uow:
        uow.session.add(LedgerEntry(
            organisation_id=pact["ada"].organisation_id, beneficiary_id=pact["els"].organisation_id,
            kind="cofinancing_share", direction="receivable", month="2026-10", amount=Decimal("412.50"),
            quantity=5, description="Share of segment Roeselare — invoice 2026-0042",
            source_key="test:share", client_id=pact["clients"][0]))
        uow.commit()
    browser = web(pact["els"], lang="en-GB")
    page = browser.get("/app/cofinancer/statements/?month=2026-10")
    assert page.status_code == 200
    assert "Share of segment Roeselare" in page.text and "€412.50" in page.text and "you owe us" in page.text
    _no_person(page.text, pact["clients"])
    assert "Geen overzicht voor deze maand." in web(pact["olga"]).get("/app/cofinancer/statements/?month=2026-10").text
    bad = browser.get("/app/cofinancer/statements/?month=2026-13")
    assert bad.status_code == 422 and 'aria-invalid="true"' in bad.text
    assert web(pact["els"]).get("/app/cofinancer/statements/").status_code == 200  # last month by default


def test_other_roles_are_refused_and_other_cofinancers_find_nothing(web, pact, world):
    agreement = pact["agreement"]
    pages = ["/app/cofinancer/agreements/", f"/app/cofinancer/agreements/{agreement}",
             f"/app/cofinancer/agreements/{agreement}/settlements", "/app/cofinancer/statements/",
             f"/app/cofinancer/agreements/{agreement}/report.csv"]
    for role in ("dietitian", "logistics", "caregiver"):
        browser = web(world.person(f"x{role}", role, None if role == "caregiver" else "Provider A"))
        for url in pages:
            response = browser.get(url)
            assert response.status_code == 403 and "<h1>403" in response.text, (role, url)
    olga = web(pact["olga"])
    assert "Ondervoeding Roeselare" not in olga.get("/app/cofinancer/agreements/").text
    for url in pages[1:3] + pages[4:] + [f"/app/cofinancer/agreements/{agreement}/trend/screening_coverage.png"]:
        assert olga.get(url).status_code == 404, url
    assert olga.post(f"/app/cofinancer/agreements/{agreement}/settlements",
                     {"period": "2026Q3"}).status_code == 404
    ada = web(pact["ada"])  # the provider's admin is the other party: sees it, but no billing statement page
    assert ada.get(f"/app/cofinancer/agreements/{agreement}").status_code == 200
    assert ada.get("/app/cofinancer/statements/").status_code == 403
    assert web().get("/app/cofinancer/agreements/").status_code == 302  # anonymous: to the login page


def test_a_settlement_of_another_cofinancer_is_not_found(web, pact):
    browser = web(pact["els"])
    issued = browser.post(f"/app/cofinancer/agreements/{pact['agreement']}/settlements", {"period": "2026Q3"})
    url = issued.headers["Location"]
    assert web(pact["olga"]).get(url).status_code == 404
    assert web(pact["els"]).get(url).status_code == 200


@pytest.mark.parametrize("lang", ["nl-BE", "en-GB"])
def test_every_cofinancer_page_renders_in_both_languages(web, pact, lang):
    browser = web(pact["els"], lang=lang)
    issued = browser.post(f"/app/cofinancer/agreements/{pact['agreement']}/settlements", {"period": "2026Q3"})
    for url in ("/app/cofinancer/agreements/", f"/app/cofinancer/agreements/{pact['agreement']}",
                f"/app/cofinancer/agreements/{pact['agreement']}/settlements", issued.headers["Location"],
                "/app/cofinancer/statements/"):
        response = browser.get(url)
        assert response.status_code == 200 and f'<html lang="{lang[:2]}">' in response.text, url
        _no_person(response.text, pact["clients"])


def test_the_cofinancer_reads_the_proposed_terms_and_accepts_them_in_the_web_app(web, pact, uow):
    ada, els = pact["ada"], pact["els"]
    proposal = agreements.create_agreement(uow, Actor(ada.id, "ada", "admin", ada.organisation_id), {
        "cofinancer_id": els.organisation_id, "name": "Tweede overeenkomst", "cohort": {},
        "starts_on": date(2026, 4, 1), "ends_on": date(2027, 3, 31), "baseline_period": "2026Q2",
        "settlement_period": "quarter", "indicators": [{"code": "screening_coverage", "target": 75}],
        "payment_rules": [{"kind": "start_budget", "params": {"amount": "5000.00"}}]})
    lifecycle.propose(uow, Actor(ada.id, "ada", "admin", ada.organisation_id), proposal.id)
    browser = web(els, lang="en-GB")
    listing = browser.get("/app/cofinancer/agreements/").text
    assert "proposed" in listing and "active" in listing  # the new one, and the pact accepted before
    path = f"/app/cofinancer/agreements/{proposal.id}/terms"
    page = browser.get(path).text
    assert "Version 1" in page and "screening_coverage" in page and "amount: 5000.00" in page
    assert "Accept version 1" in page
    accepted = browser.post(path, {"version": "1"})
    assert accepted.status_code == 302
    after = browser.get(path).text
    assert "You accepted version 1 of the agreement." in after and "Accept version 1" not in after
    assert web(ada, lang="en-GB").post(path, {"version": "1"}).status_code == 403  # the provider never accepts


def test_both_parties_simulate_the_contract_in_the_web_app_as_a_table_and_a_chart(web, pact):
    path = f"/app/cofinancer/agreements/{pact['agreement']}/simulation"
    for who in (pact["els"], pact["ada"]):
        browser = web(who, lang="en-GB")
        assert "Contract simulation" in browser.get(path).text  # the dials, not run yet
        query = {"draws": "200", "seed": "3", "cohort_size": "40", "expected_improvement": "0.1",
                 "baselines.risk_improved_3m": "50"}
        page = browser.get(path, query_string=query)
        assert page.status_code == 200, page.text
        assert "Payment distribution" in page.text and "<svg" in page.text and "p50" in page.text
        assert "4:start_budget" not in page.text and "3:start_budget" in page.text
        again = browser.get(path, query_string=query).text
        assert again.split("<h1>")[1] == page.text.split("<h1>")[1]  # same seed, same distribution
    bad = web(pact["els"], lang="en-GB").get(path, query_string={"draws": "0"})
    assert bad.status_code == 422 and 'aria-invalid="true"' in bad.text
    assert web(pact["olga"], lang="en-GB").get(path).status_code == 404
