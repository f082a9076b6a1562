"""The referrer's pages (the referral form, their referrals with status and decline
reason, their statement with CSV, the care-team alerts they were told of) and the
dietitian's inbox that triages referrals, in the web application."""
from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal

import pytest

from nutriplat.billing.models import LedgerEntry
from tests.setup_calls import setup
from tools import fhir_examples

FORM = {"given_name": "Jozef", "family_name": "Vermeulen", "birth_date": "1941-11-02", "sex": "male",
        "address.street": "Stationsstraat 12", "address.postal_code": "8800", "address.city": "Roeselare",
        "reason": "Eet de helft van zijn maaltijden, 4 kg verloren.", "urgency": "soon",
        "screening.instrument": "must", "screening.result": "score 2: high risk",
        "iddsi_food_level": "5", "allergies": ["milk", "eggs"], "consent_for_care": "true"}


@pytest.fixture
def network(world):
    """Provider A's dietitian Lien, a GP of De Mandel and AZ Delta's discharge office."""
    provider = world.organisation("Provider A")
    lien = world.person("lien", "dietitian")
    gp = world.person("huisarts.mandel", "referrer", "Huisartsenpraktijk De Mandel")
    hospital = world.person("ontslag.azdelta", "referrer", "AZ Delta")
    return provider, lien, gp, hospital


def page(response) -> str:
    assert response.status_code == 200, response.get_data(as_text=True)[:2000]
    return response.get_data(as_text=True)


def test_a_referral_through_the_web_form_and_one_as_fhir_end_as_the_same_active_client(http, web, network, today):
    provider, lien, gp, hospital = network
    as_gp = web(gp)
    assert "Vermeulen" not in page(as_gp.get("/app/referrer/referrals/"))
    sent = as_gp.post("/app/referrer/referrals/new", FORM | {"provider_id": str(provider)})
    assert sent.status_code == 302, sent.get_data(as_text=True)[:3000]
    fhir = http.post("/fhir/ServiceRequest", data=json.dumps(fhir_examples.service_request(provider)),
                     content_type="application/fhir+json", headers=hospital.headers)
    assert fhir.status_code == 201, fhir.get_data(as_text=True)

    as_lien = web(lien, lang="en-GB")
    inbox = setup(http.get("/api/v1/referrals", headers=lien.headers))
    by_source = {r["source"]: r["id"] for r in inbox}
    assert page(as_lien.get("/app/dietitian/referrals/")).count("Vermeulen") == 2
    accepted = as_lien.post(f"/app/dietitian/referrals/{by_source['api']}/accept", {"care_setting": "home"})
    assert accepted.status_code == 302
    duplicate = as_lien.post(f"/app/dietitian/referrals/{by_source['fhir']}/accept", {"care_setting": "home"})
    assert duplicate.status_code == 409
    client_id = setup(http.get(f"/api/v1/referrals/{by_source['api']}", headers=lien.headers))["client_id"]
    assert f"Link to client {client_id}" in duplicate.get_data(as_text=True)
    linked = as_lien.post(f"/app/dietitian/referrals/{by_source['fhir']}/accept", {"link_client_id": str(client_id)})
    assert linked.status_code == 302

    setup(http.post(f"/api/v1/clients/{client_id}/status-changes", headers=lien.headers,
                    json={"changed_on": today.isoformat(), "to_status": "active", "reason": "first visit"}))
    both = [setup(http.get(f"/api/v1/referrals/{i}", headers=lien.headers)) for i in by_source.values()]
    assert [(r["client_id"], r["status"]) for r in both] == [(client_id, "active"), (client_id, "active")]
    mine = page(as_gp.get("/app/referrer/referrals/"))
    assert "Vermeulen" in mine and ">actief<" in mine.replace("\n", "").replace(" ", "")
    assert "/clients/" not in mine  # the referral's status, never the way into the client's record


def test_the_referrer_reads_the_decline_reason_and_nothing_of_another_practice(web, network, world):
    provider, lien, gp, _ = network
    other = world.person("huisarts.linde", "referrer", "Huisartsenpraktijk De Linde")
    as_gp = web(gp, lang="en-GB")
    assert as_gp.post("/app/referrer/referrals/new", FORM | {"provider_id": str(provider)}).status_code == 302
    as_lien = web(lien)
    referral_id = int(page(as_lien.get("/app/dietitian/referrals/")).split('id="referral-')[1].split('"')[0])
    no_reason = as_lien.post(f"/app/dietitian/referrals/{referral_id}/decline", {"reason": ""})
    assert no_reason.status_code == 422
    declined = as_lien.post(f"/app/dietitian/referrals/{referral_id}/decline",
                            {"reason": "Woont buiten ons werkgebied."})
    assert declined.status_code == 302
    mine = page(as_gp.get("/app/referrer/referrals/"))
    assert "declined" in mine and "Woont buiten ons werkgebied." in mine
    assert "Vermeulen" not in page(web(other).get("/app/referrer/referrals/"))


def test_the_referral_form_names_each_problem_and_sends_nothing(web, network):
    provider, _, gp, _ = network
    as_gp = web(gp, lang="en-GB")
    refused = as_gp.post("/app/referrer/referrals/new", {"provider_id": str(provider), "given_name": "Jozef",
                                                          "birth_date": "2199-01-01", "urgency": "whenever"})
    text = refused.get_data(as_text=True)
    assert refused.status_code == 422
    for field in ("family_name", "birth_date", "reason", "urgency", "consent_for_care"):
        assert f'href="#f-{field}"' in text, field
    assert "No referrals yet." in page(as_gp.get("/app/referrer/referrals/"))


def _ledger(uow, provider, beneficiary, kind, amount, month, description):
    with uow:
        uow.session.add(LedgerEntry(organisation_id=provider, beneficiary_id=beneficiary, month=month, kind=kind,
                                    direction="payable", description=description, quantity=1,
                                    amount=Decimal(amount), source_key=f"{kind}:{month}:{beneficiary}",
                                    earned_on=date(2026, 11, 30)))
        uow.commit()


def test_the_referrer_and_the_fund_read_their_own_statement_and_download_it(web, network, world, uow):
    provider, _, gp, hospital = network
    fund = world.person("fonds.els", "fund", "Ontwikkelingsfonds")
    _ledger(uow, provider, gp.organisation_id, "referral_commission", "50.00", "2026-11",
            "Referral commission (standard): referral 7, started 2026-11-03")
    _ledger(uow, provider, fund.organisation_id, "fund_contribution", "10.00", "2026-10", "Contribution for referral 5")
    _ledger(uow, provider, fund.organisation_id, "fund_contribution", "10.00", "2026-11", "Contribution for referral 7")
    as_gp = web(gp, lang="en-GB")
    statement = page(as_gp.get("/app/statements/?month=2026-11"))
    assert "referral 7" in statement and "50.00" in statement and "Contribution" not in statement
    download = as_gp.get("/app/statements/csv?month=2026-11")
    assert download.status_code == 200 and download.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(download.get_data(as_text=True))))
    assert [r["description"] for r in rows if r["kind"] == "referral_commission"] == [
        "Referral commission (standard): referral 7, started 2026-11-03"]
    assert "referral 7" not in page(web(hospital).get("/app/statements/?month=2026-11"))
    as_fund = web(fund, lang="en-GB")
    fund_page = page(as_fund.get("/app/statements/?month=2026-11"))
    assert "Contribution for referral 7" in fund_page and "Contribution for referral 5" not in fund_page
    assert '<dd id="fund-balance">€20.00</dd>' in fund_page.replace("\u00a0", "")
    bad = as_fund.get("/app/statements/?month=november")
    assert bad.status_code == 422


def test_the_fund_reads_the_same_month_and_balance_in_the_api_as_on_its_page(web, network, world, uow, http):
    provider, _, gp, _ = network
    fund = world.person("fonds.els", "fund", "Ontwikkelingsfonds")
    _ledger(uow, provider, fund.organisation_id, "fund_contribution", "10.00", "2026-10", "Contribution for referral 5")
    _ledger(uow, provider, fund.organisation_id, "royalty", "2.50", "2026-11", "Royalty: dysphagia cookbook")
    _ledger(uow, provider, fund.organisation_id, "fund_contribution", "10.00", "2026-11", "Contribution for referral 7")
    _ledger(uow, provider, gp.organisation_id, "referral_commission", "50.00", "2026-11", "Commission, referral 7")
    position = setup(http.get("/api/v1/fund/position", query_string={"month": "2026-11"}, headers=fund.headers))
    assert (position["month"], position["contributions"], position["balance"]) == ("2026-11", "12.50", "22.50")
    [statement] = position["statements"]
    assert sorted(e["description"] for e in statement["entries"]) == [
        "Contribution for referral 7", "Royalty: dysphagia cookbook"]
    fund_page = page(web(fund, lang="en-GB").get("/app/statements/?month=2026-11")).replace("\u00a0", "")
    assert '<dd id="fund-month">€12.50</dd>' in fund_page and '<dd id="fund-balance">€22.50</dd>' in fund_page
    october = setup(http.get("/api/v1/fund/position", query_string={"month": "2026-10"}, headers=fund.headers))
    assert (october["contributions"], october["balance"]) == ("10.00", "10.00")
    bad = http.get("/api/v1/fund/position", query_string={"month": "november"}, headers=fund.headers)
    assert bad.status_code == 422 and set(bad.json["errors"]) == {"month"}
    for other in (gp, world.person("ada", "admin")):  # the balance is the fund's own
        assert http.get("/api/v1/fund/position", query_string={"month": "2026-11"},
                        headers=other.headers).status_code == 403


def test_the_pages_are_the_referrers_and_the_dietitians_only(web, network, world):
    _, lien, gp, _ = network
    assert web(gp).get("/app/dietitian/referrals/").status_code == 403
    assert web(lien).get("/app/referrer/referrals/new").status_code == 403
    assert web(world.person("cofi", "cofinancer", "Cofinancer")).get("/app/care-team/alerts/").status_code == 403
