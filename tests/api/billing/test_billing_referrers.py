"""Issue 19 item 6: a referral that becomes an active subscription starts the referral
commission — the client an accepted referral registers (or links, before their care
started) names the referring organisation, and billing's month run accrues its commission.
Item 3: each referrer organisation reads its own monthly statement, as JSON and as CSV."""
import csv
import io
from datetime import date

import pytest

from nutriplat.billing import invoicing_run
from nutriplat.db import UnitOfWork
from nutriplat.periods import Month
from tests.setup_calls import setup

REFERRALS = "/api/v1/referrals"


@pytest.fixture
def invoice_august(app):
    """August's invoicing run, as the scheduler runs it on 2 September (the tests refer in August)."""
    factory = app.extensions["nutriplat"].session_factory
    return lambda: invoicing_run.run(lambda: UnitOfWork(factory), Month.parse("2026-08"), today=date(2026, 9, 2))


@pytest.fixture
def gp(world):
    world.organisation("Huisartsenpraktijk De Mandel", "referrer")
    return world.person("huisarts", "referrer", organisation="Huisartsenpraktijk De Mandel")


@pytest.fixture
def gp_scheme(http, admin, gp):
    response = http.post("/api/v1/billing/referral-schemes", headers=admin.headers, json={
        "name": "GP", "referrer_id": gp.organisation_id, "commission_kind": "fixed",
        "commission_amount": "50.00", "qualifying_days": 90, "valid_from": "2026-01-01"})
    assert response.status_code == 201, response.json


def _refer(http, gp, dietitian, **link):
    sent = setup(http.post(REFERRALS, headers=gp.headers, json={
        "provider_id": dietitian.organisation_id, "given_name": "Rosa", "family_name": "Declercq",
        "birth_date": "1938-06-21", "sex": "female", "address": {"postal_code": "8800", "city": "Roeselare"},
        "reason": "Lost 6 kg since spring.", "urgency": "soon", "consent_for_care": True}))
    accepted = setup(http.post(f"{REFERRALS}/{sent['id']}/accept", headers=dietitian.headers,
                               json=link or {"care_setting": "home"}))
    return accepted["client_id"]


def _referral_of(http, dietitian, client_id):
    """The referral a client came from (the provider's inbox shows the client it became)."""
    return max(r["id"] for r in setup(http.get(REFERRALS, headers=dietitian.headers)) if r["client_id"] == client_id)


def _commissions(http, admin, month, organisation_id):
    found = setup(http.get("/api/v1/statements", headers=admin.headers,
                           query_string={"month": month, "organisation_id": organisation_id}))
    # A statement names no person, nor the client's id: the entry names the referral it is for.
    return [(e["kind"], e["description"].split(": ")[1].split(",")[0], e["amount"])
            for s in found for e in s["entries"]]


@pytest.mark.business_day("2026-08-03")
def test_an_accepted_referral_s_subscription_earns_the_referrer_its_commission(
        http, admin, dietitian, gp, gp_scheme, subscribe, invoice_august):
    client_id = _refer(http, gp, dietitian)
    client = setup(http.get(f"/api/v1/clients/{client_id}", headers=dietitian.headers))
    assert client["referral"]["organisation_id"] == gp.organisation_id
    assert client["referral"]["date"] == "2026-08-03"
    subscribe(client_id, start="2026-08-10")
    invoice_august()
    assert _commissions(http, admin, "2026-08", gp.organisation_id) == [
        ("referral_commission", f"referral {_referral_of(http, dietitian, client_id)}", "50.00")]


@pytest.mark.business_day("2026-08-03")
def test_a_linked_client_not_yet_in_care_takes_the_referrer_one_in_care_keeps_theirs(
        http, admin, dietitian, gp, gp_scheme, maria, subscribe, invoice_august):
    waiting = setup(http.post("/api/v1/clients", headers=dietitian.headers, json=maria))["id"]
    in_care = setup(http.post("/api/v1/clients", headers=dietitian.headers,
                              json=maria | {"given_name": "Anna", "status": "active"}))["id"]
    assert _refer(http, gp, dietitian, link_client_id=waiting) == waiting
    assert _refer(http, gp, dietitian, link_client_id=in_care) == in_care
    for client_id in (waiting, in_care):
        subscribe(client_id, start="2026-08-10")
    invoice_august()
    assert _commissions(http, admin, "2026-08", gp.organisation_id) == [
        ("referral_commission", f"referral {_referral_of(http, dietitian, waiting)}", "50.00")]


@pytest.mark.business_day("2026-08-03")
def test_a_referrer_reads_its_own_statement_and_csv_and_no_other_s(
        http, world, admin, dietitian, gp, gp_scheme, subscribe, invoice_august):
    client_id = _refer(http, gp, dietitian)
    subscribe(client_id, start="2026-08-10")
    invoice_august()
    world.organisation("De Linde", "referrer")
    other = world.person("huisarts.linde", "referrer", organisation="De Linde")

    [own] = setup(http.get("/api/v1/statements", headers=gp.headers, query_string={"month": "2026-08"}))
    assert own["organisation"]["id"] == gp.organisation_id
    assert [(e["kind"], e["amount"]) for e in own["entries"]] == [("referral_commission", "50.00")]
    assert (own["payable_total"], own["payable_earned"]) == ("50.00", "0.00")  # earned after 90 days
    assert setup(http.get("/api/v1/statements", headers=other.headers, query_string={"month": "2026-08"})) == []
    refused = http.get("/api/v1/statements", headers=other.headers,
                       query_string={"month": "2026-08", "organisation_id": gp.organisation_id})
    assert refused.status_code == 403 and refused.json["message"] == "A referrer sees only its own statements."

    sheet = http.get("/api/v1/statements/csv", headers=gp.headers, query_string={"month": "2026-08"})
    assert sheet.status_code == 200 and sheet.mimetype == "text/csv"
    assert "attachment" in sheet.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(sheet.get_data(as_text=True))))
    assert [(r["organisation"], r["kind"], r["amount"]) for r in rows] == [
        ("Huisartsenpraktijk De Mandel", "referral_commission", "50.00"),
        ("Huisartsenpraktijk De Mandel", "payable_total", "50.00"),
        ("Huisartsenpraktijk De Mandel", "payable_earned", "0.00"),
        ("Huisartsenpraktijk De Mandel", "receivable_total", "0.00")]
    other_sheet = http.get("/api/v1/statements/csv", headers=other.headers, query_string={"month": "2026-08"})
    assert other_sheet.get_data(as_text=True).splitlines()[1:] == []
