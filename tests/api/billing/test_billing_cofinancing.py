"""Cofinancing: a cofinancer's share of a segment's subscriptions, funded vouchers with a
budget never exceeded, separate invoices per payer, and a cofinancer who sees only its
own budgets and statements — never a person."""
from decimal import Decimal as D

import pytest

from tests.setup_calls import setup


@pytest.fixture
def segments(http, admin):
    ids = {}
    for code, attributes in (("vt", ["increased_reimbursement"]),
                             ("alone-low", ["living_alone", "low_income"])):
        response = http.post("/api/v1/billing/segments", headers=admin.headers,
                             json={"code": code, "name": code.upper(), "attributes": attributes})
        assert response.status_code == 201, response.json
        ids[code] = response.json["id"]
    return ids


@pytest.fixture
def member(http, dietitian, client_id):
    def member(*attributes, client=None, since="2026-01-01"):
        for attribute in attributes:
            response = http.post(f"/api/v1/clients/{client or client_id}/billing-attributes",
                                 headers=dietitian.headers,
                                 json={"attribute": attribute, "valid_from": since})
            assert response.status_code == 201, response.json
    return member


@pytest.fixture
def programme(http, admin, cofinancer, segments):
    response = http.post("/api/v1/voucher-programmes", headers=admin.headers, json={
        "cofinancer_id": cofinancer.organisation_id, "segment_id": segments["alone-low"], "name": "Winter",
        "voucher_value": "20.00", "valid_from": "2026-09-01", "valid_until": "2026-12-31",
        "budget_cap": "50.00"})
    assert response.status_code == 201, response.json
    return response.json


def test_a_cofinancer_pays_its_share_on_a_separate_invoice_that_names_nobody(
        http, admin, cofinancer, segments, member, client_id, maria, dietitian, subscribe,
        invoice_month, invoices, by_kind):
    agreement = http.post("/api/v1/billing/cofinancing-agreements", headers=admin.headers, json={
        "cofinancer_id": cofinancer.organisation_id, "segment_id": segments["vt"], "name": "25 % VT",
        "share_kind": "percentage", "share_value": "25", "valid_from": "2026-01-01"})
    assert agreement.status_code == 201, agreement.json
    second = setup(http.post("/api/v1/clients", json=maria | {"given_name": "Jozef"},
                             headers=dietitian.headers))["id"]
    for client in (client_id, second):
        member("increased_reimbursement", client=client)
        subscribe(client, start="2026-06-01")
    invoice_month("2026-10")
    found = invoices("2026-10")
    clients = [i for i in found if i["payer"]["type"] == "client"]
    fund, = [i for i in found if i["payer"]["type"] == "organisation"]
    assert len(clients) == 2
    share = by_kind(clients[0])["third_party_share"][0]
    assert share["amount"] == "-54.20" and share["vat_rate"] == "0.00"     # 25 % of 216.80 incl. VAT
    assert clients[0]["total"] == "162.60" and clients[0]["gross"] == "216.80"
    assert fund["payer"]["name"] == "Regionaal Zorgfonds" and fund["total"] == "108.40"
    line, = fund["lines"]
    assert line["kind"] == "cofinancing_share" and "(2 clients)" in line["description"]
    assert "Maria" not in str(fund) and "Jozef" not in str(fund)
    for invoice in clients:  # the payers' shares add up to the month
        shares = sum(D(line["amount"]) for line in invoice["lines"] if line["kind"] == "third_party_share")
        assert D(invoice["total"]) - shares == D(invoice["gross"])
    statement, = http.get("/api/v1/statements", headers=cofinancer.headers,
                          query_string={"month": "2026-10"}).json
    assert statement["receivable_total"] == "108.40" and statement["entries"][0]["quantity"] == 2
    assert "client_id" not in statement["entries"][0]
    assert http.get("/api/v1/invoices", headers=cofinancer.headers).status_code == 403
    other = http.get("/api/v1/statements", headers=cofinancer.headers,
                     query_string={"month": "2026-10", "organisation_id": admin.organisation_id})
    assert other.status_code == 403


def test_vouchers_are_redeemed_within_validity_and_budget(
        http, admin, cofinancer, member, client_id, programme, subscribe, invoice_month, invoices, by_kind):
    issue = f"/api/v1/voucher-programmes/{programme['id']}/vouchers"
    outsider = http.post(issue, headers=admin.headers, json={"client_id": client_id})
    assert outsider.status_code == 422 and "client_id" in outsider.json["errors"]
    member("living_alone", "low_income")
    subscribe(client_id, start="2026-06-01")
    body = {"client_id": client_id, "valid_from": "2026-10-01", "valid_until": "2026-12-31"}
    first = http.post(issue, headers=admin.headers, json=body)
    assert first.status_code == 201 and first.json["value"] == "20.00"
    assert http.post(issue, headers=admin.headers, json=body).status_code == 201
    over = http.post(issue, headers=admin.headers, json=body)
    assert over.status_code == 409 and "budget_cap" in over.json["errors"]        # 40 + 20 > 50
    budget = http.get(f"/api/v1/voucher-programmes/{programme['id']}", headers=cofinancer.headers).json
    assert (budget["committed"], budget["remaining"], budget["vouchers_issued"]) == ("40.00", "10.00", 2)
    invoice_month("2026-10")
    client, fund = sorted(invoices("2026-10"), key=lambda i: i["payer"]["type"])
    assert [line["amount"] for line in by_kind(client)["voucher"]] == ["-20.00", "-20.00"]
    assert by_kind(fund)["voucher_funding"][0]["amount"] == "40.00"
    assert D(client["total"]) + D(fund["total"]) == D(client["gross"])
    budget = http.get(f"/api/v1/voucher-programmes/{programme['id']}", headers=cofinancer.headers).json
    assert (budget["redeemed"], budget["vouchers_redeemed"]) == ("40.00", 2)
    assert "client" not in str(budget).lower().replace("client_id", "")


def test_a_voucher_past_validity_is_refused(http, admin, member, client_id, programme):
    member("living_alone", "low_income")
    past = http.post(f"/api/v1/voucher-programmes/{programme['id']}/vouchers", headers=admin.headers,
                     json={"client_id": client_id, "valid_from": "2026-09-01", "valid_until": "2026-09-30"})
    assert past.status_code == 422 and "valid_until" in past.json["errors"]
    ended = setup(http.post("/api/v1/voucher-programmes", headers=admin.headers, json={
        "cofinancer_id": programme["cofinancer_id"], "segment_id": programme["segment_id"], "name": "Summer",
        "voucher_value": "20.00", "valid_from": "2026-06-01", "valid_until": "2026-08-31",
        "budget_cap": "100.00"}))
    late = http.post(f"/api/v1/voucher-programmes/{ended['id']}/vouchers", headers=admin.headers,
                     json={"client_id": client_id})
    assert late.status_code == 409 and "valid_until" in late.json["errors"]


def test_a_cofinancer_sees_only_its_own_programmes(http, world, admin, cofinancer, programme):
    other = world.person("olga", "cofinancer", organisation="Ander Fonds")
    assert [p["id"] for p in http.get("/api/v1/voucher-programmes", headers=cofinancer.headers).json] == [
        programme["id"]]
    assert http.get("/api/v1/voucher-programmes", headers=other.headers).json == []
    assert http.get(f"/api/v1/voucher-programmes/{programme['id']}", headers=other.headers).status_code == 404


def test_attributes_do_not_overlap_and_can_end(http, dietitian, client_id, member):
    member("low_income")
    clash = http.post(f"/api/v1/clients/{client_id}/billing-attributes", headers=dietitian.headers,
                      json={"attribute": "low_income", "valid_from": "2026-06-01"})
    assert clash.status_code == 409
    held = http.get(f"/api/v1/clients/{client_id}/billing-attributes", headers=dietitian.headers).json
    ended = http.patch(f"/api/v1/clients/{client_id}/billing-attributes/{held[0]['id']}",
                       headers=dietitian.headers, json={"valid_until": "2026-05-31"})
    assert ended.status_code == 200
    again = http.post(f"/api/v1/clients/{client_id}/billing-attributes", headers=dietitian.headers,
                      json={"attribute": "low_income", "valid_from": "2026-06-01"})
    assert again.status_code == 201
    bad = http.patch(f"/api/v1/clients/{client_id}/billing-attributes/{held[0]['id']}",
                     headers=dietitian.headers, json={"valid_until": "2025-01-01"})
    assert bad.status_code == 422
