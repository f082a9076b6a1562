"""Referral commissions (fixed and percentage, clawback), the fund's contributions and
royalties on the ledger statements, and healthcoins from award to invoice discount."""
import pytest

from tests.setup_calls import setup


@pytest.fixture
def orgs(world):
    return {"gp": world.organisation("Huisartsenpraktijk De Mandel", "referrer"),
            "hospital": world.organisation("AZ Delta", "referrer"),
            "fund": world.organisation("Ontwikkelingsfonds", "fund")}


@pytest.fixture
def referred(http, dietitian, maria, orgs):
    def referred(referrer, name="Maria"):
        return setup(http.post("/api/v1/clients", headers=dietitian.headers, json=maria | {
            "given_name": name,
            "referral": {"organisation_id": orgs[referrer], "date": "2026-05-01"}}))["id"]
    return referred


@pytest.fixture
def schemes(http, admin, orgs):
    for body in ({"name": "GP", "referrer_id": orgs["gp"], "commission_kind": "fixed",
                  "commission_amount": "50.00", "qualifying_days": 90, "fund_id": orgs["fund"],
                  "fund_contribution": "10.00", "valid_from": "2026-01-01"},
                 {"name": "Others", "commission_kind": "percentage", "commission_percentage": "10",
                  "commission_months": 2, "qualifying_days": 60, "valid_from": "2026-01-01"}):
        response = http.post("/api/v1/billing/referral-schemes", headers=admin.headers, json=body)
        assert response.status_code == 201, response.json


def statement(http, admin, month, organisation_id):
    found = http.get("/api/v1/statements", headers=admin.headers,
                     query_string={"month": month, "organisation_id": organisation_id}).json
    return found[0] if found else None


def test_a_fixed_commission_is_earned_after_the_period_or_clawed_back(
        http, admin, orgs, schemes, referred, subscribe, change, invoice_month):
    stays, leaves = referred("gp", "Stays"), referred("gp", "Leaves")
    subscribe(stays, start="2026-08-10")
    sub = subscribe(leaves, start="2026-08-20")
    change(sub["id"], "cancel", "2026-10-05")
    invoice_month("2026-08")
    august = statement(http, admin, "2026-08", orgs["gp"])
    assert [e["amount"] for e in august["entries"]] == ["50.00", "50.00"]
    assert august["payable_total"] == "100.00" and august["payable_earned"] == "0.00"  # not yet earned
    assert statement(http, admin, "2026-08", orgs["fund"])["payable_total"] == "20.00"
    invoice_month("2026-09")
    assert statement(http, admin, "2026-09", orgs["gp"]) is None
    invoice_month("2026-10")
    october = statement(http, admin, "2026-10", orgs["gp"])
    assert [(e["kind"], e["amount"]) for e in october["entries"]] == [("commission_clawback", "-50.00")]
    invoice_month("2026-10")
    assert len(statement(http, admin, "2026-10", orgs["gp"])["entries"]) == 1  # once
    audit = http.get("/api/v1/audit", headers=admin.headers, query_string={"resource": "ledger_entry"}).json
    assert {(e["username"], e["action"]) for e in audit} == {("system", "create"), ("ada", "list")}


def test_a_percentage_commission_follows_the_first_months(
        http, admin, orgs, schemes, referred, subscribe, invoice_month):
    client = referred("hospital")
    subscribe(client, start="2026-08-01")
    for month in ("2026-08", "2026-09", "2026-10"):
        invoice_month(month)
    amounts = [statement(http, admin, m, orgs["hospital"]) for m in ("2026-08", "2026-09", "2026-10")]
    assert [s and s["payable_total"] for s in amounts] == ["20.40", "20.40", None]  # 10 % of 204.00


def test_royalties_accrue_per_licensed_unit_once(
        http, admin, orgs, client_id, subscribe, dish_variant, invoice_month, by_kind, invoices):
    licensed = http.post("/api/v1/billing/licensed-products", headers=admin.headers, json={
        "dish_id": dish_variant["dish"], "fund_id": orgs["fund"], "royalty_per_unit": "0.40",
        "valid_from": "2026-01-01"})
    assert licensed.status_code == 201, licensed.json
    subscribe(client_id, start="2026-09-01")
    for kind, quantity in (("extra_meal", 3), ("package_meal", 10)):
        response = http.post(f"/api/v1/clients/{client_id}/charges", headers=admin.headers, json={
            "charged_on": "2026-10-12", "kind": kind, "quantity": quantity,
            "variant_id": dish_variant["variant"]})
        assert response.status_code == 201, response.json
    invoice_month("2026-10")
    invoice_month("2026-10")
    extra, = by_kind(invoices("2026-10")[0])["extra_meal"]
    assert (extra["unit_price"], extra["amount"], extra["vat_rate"]) == ("8.75", "26.25", "6.00")
    fund = statement(http, admin, "2026-10", orgs["fund"])
    assert [(e["kind"], e["quantity"], e["amount"]) for e in fund["entries"]] == [("royalty", 13, "5.20")]
    bad = http.post("/api/v1/billing/licensed-products", headers=admin.headers, json={
        "dish_id": 999999, "fund_id": orgs["gp"], "royalty_per_unit": "0.40", "valid_from": "2026-01-01"})
    assert bad.status_code == 422 and {"dish_id", "fund_id"} <= set(bad.json["errors"])


@pytest.mark.business_day("2026-12-07")
def test_a_charge_recorded_after_its_month_was_invoiced_earns_its_royalty_in_the_next_month(
        http, admin, orgs, client_id, subscribe, dish_variant, invoice_month):
    # What the demo's second run met early in December: a month was invoiced, then deliveries
    # of its last days were confirmed; invoicing that month again must add nothing.
    setup(http.post("/api/v1/billing/licensed-products", headers=admin.headers, json={
        "dish_id": dish_variant["dish"], "fund_id": orgs["fund"], "royalty_per_unit": "0.40",
        "valid_from": "2026-01-01"}))
    subscribe(client_id, start="2026-09-01")

    def package_meals(day, quantity):
        response = http.post(f"/api/v1/clients/{client_id}/charges", headers=admin.headers, json={
            "charged_on": day, "kind": "package_meal", "quantity": quantity, "variant_id": dish_variant["variant"]})
        assert response.status_code == 201, response.json

    package_meals("2026-10-12", 10)
    assert invoice_month("2026-10")["ledger entries"] == 1
    package_meals("2026-10-30", 4)  # confirmed after October's run
    assert "ledger entries" not in invoice_month("2026-10")
    invoice_month("2026-11")
    royalties = [[(e["quantity"], e["amount"]) for e in statement(http, admin, month, orgs["fund"])["entries"]]
                 for month in ("2026-10", "2026-11")]
    assert royalties == [[(10, "4.00")], [(4, "1.60")]]


def test_healthcoins_are_awarded_redeemed_and_discount_the_next_invoice(
        http, admin, dietitian, world, client_id, subscribe, invoice_month, invoices, by_kind):
    base = f"/api/v1/clients/{client_id}/healthcoins"
    carer = world.person("an", "caregiver", None)
    setup(http.post(f"/api/v1/clients/{client_id}/mandates", headers=dietitian.headers,
                    json={"caregiver_id": carer.id, "scopes": ["view", "order"]}))
    assert http.post(f"{base}/awards", headers=dietitian.headers,
                     json={"coins": 300, "reason": "weight goal reached"}).status_code == 201
    subscribe(client_id, start="2026-11-01")  # an invoice is to come to set coins against
    to_carer = {"coins": 40, "reason": "kept the intake diary", "caregiver_id": carer.id}
    assert http.post(f"{base}/awards", headers=dietitian.headers, json=to_carer).status_code == 201
    above = http.post(f"{base}/redemptions", headers=carer.headers, json={"coins": 301})
    assert above.status_code == 409 and "coins" in above.json["errors"]
    redeemed = http.post(f"{base}/redemptions", headers=carer.headers, json={"coins": 250})
    assert redeemed.status_code == 201 and redeemed.json["value"] == "25.00"   # € 0.10 a coin
    own = http.post(f"{base}/redemptions", headers=carer.headers,
                    json={"coins": 40, "caregiver_id": carer.id})
    assert own.status_code == 201
    ledger = http.get(base, headers=carer.headers).json
    assert ledger["balance"] == 50 and ledger["caregivers"] == [{"caregiver_id": carer.id, "balance": 0}]
    assert http.post(f"{base}/redemptions", headers=dietitian.headers, json={"coins": 51}).status_code == 409
    assert http.post(f"{base}/redemptions", headers=dietitian.headers, json={"coins": 0}).status_code == 422


def test_a_redemption_becomes_a_discount_line_on_the_package(
        http, dietitian, client_id, subscribe, invoice_month, invoices, by_kind):
    base = f"/api/v1/clients/{client_id}/healthcoins"
    setup(http.post(f"{base}/awards", headers=dietitian.headers, json={"coins": 200, "reason": "goal"}))
    subscribe(client_id, start="2026-09-01")
    setup(http.post(f"{base}/redemptions", headers=dietitian.headers, json={"coins": 200}))
    invoice_month("2026-10")
    discount, = by_kind(invoices("2026-10")[0])["healthcoin_discount"]
    assert (discount["amount"], discount["vat_rate"]) == ("-20.00", "6.00")
    entries = http.get(base, headers=dietitian.headers).json["entries"]
    assert entries[-1]["applied"] == "20.00"
