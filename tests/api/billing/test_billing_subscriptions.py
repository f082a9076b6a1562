"""Subscriptions end to end: proration of starts, pauses and rentals; plan and price
changes; scheduled changes; the refusals of issue 7 (unknown plan, overlap, negative price)."""
from decimal import Decimal as D

from tests.setup_calls import setup


def test_a_month_with_a_start_a_pause_and_a_rental_is_prorated_per_day(
        http, admin, client_id, subscribe, change, invoice_month, invoices, by_kind):
    sub = subscribe(client_id, start="2026-09-15", rentals=[("freezer", 1)])
    assert change(sub["id"], "pause", "2026-10-11", reason="hospital stay").status_code == 201
    assert change(sub["id"], "resume", "2026-10-21").status_code == 201
    assert invoice_month("2026-09") == {"client invoices": 1}
    assert invoice_month("2026-10") == {"client invoices": 1}

    september, = invoices("2026-09")
    lines = by_kind(september)
    assert lines["package"][0]["amount"] == "96.00"               # 180 × 16/30
    assert lines["package"][0]["quantity"] == "0.5333"
    assert "16 of 30 days" in lines["package"][0]["description"]
    assert lines["rental"][0]["amount"] == "6.40"                 # 12 × 16/30

    october, = invoices("2026-10")
    lines = by_kind(october)
    assert october["payer"] == {"type": "client", "id": client_id, "name": "Maria Vandenberghe"}
    assert october["month"] == "2026-10" and october["status"] == "issued"
    assert [(line["amount"], line["vat_rate"]) for line in lines["package"]] == [("121.94", "6.00")]  # 180 × 21/31
    assert lines["rental"][0]["amount"] == "12.00"                # rental runs on while paused
    assert lines["information_platform"][0]["amount"] == "6.44"   # 9.50 × 21/31 = 6.435, half up
    # total = line amounts + VAT as shown: 6 % of 121.94 = 7.32; 21 % of 6.44 + 12.00 = 3.87;
    # coaching (9.82) exempt
    assert october["vat"] == [{"rate": "21.00", "base": "18.44", "vat": "3.87"},
                              {"rate": "6.00", "base": "121.94", "vat": "7.32"},
                              {"rate": "0.00", "base": "9.82", "vat": "0.00"}]
    assert D(october["total"]) == sum(D(line["amount"]) for line in october["lines"]) + D("11.19") == D("161.39")


def test_a_full_month_bills_exactly_the_monthly_prices(client_id, subscribe, invoice_month, invoices,
                                                       by_kind):
    subscribe(client_id, start="2026-06-01")
    invoice_month("2026-10")
    lines = by_kind(invoices("2026-10")[0])
    assert [lines[k][0]["amount"] for k in ("package", "information_platform", "coaching_tool")] == [
        "180.00", "9.50", "14.50"]
    assert lines["package"][0]["quantity"] == "1.0000"


def test_a_plan_change_splits_the_month_and_a_price_change_only_reaches_new_periods(
        http, admin, client_id, subscribe, change, invoice_month, invoices, by_kind):
    plus = setup(http.post("/api/v1/billing/plans", headers=admin.headers, json={
        "code": "plus", "name": "Plus", "version": {
            "effective_from": "2026-10-01", "meals_per_week": 21, "package_price": "240.00",
            "information_platform_price": "9.50", "coaching_tool_price": "14.50"}}))
    sub = subscribe(client_id, start="2026-09-01")
    assert change(sub["id"], "change_plan", "2026-10-16", plan_id=plus["id"]).status_code == 201
    invoice_month("2026-09")
    raise_ = http.post(f"/api/v1/billing/plans/{plus['id']}/versions", headers=admin.headers, json={
        "effective_from": "2026-09-01", "meals_per_week": 21, "package_price": "250.00",
        "information_platform_price": "9.50", "coaching_tool_price": "14.50"})
    assert raise_.status_code == 409 and "effective_from" in raise_.json["errors"]  # September is invoiced
    assert http.post(f"/api/v1/billing/plans/{plus['id']}/versions", headers=admin.headers, json={
        "effective_from": "2026-11-01", "meals_per_week": 21, "package_price": "250.00",
        "information_platform_price": "9.50", "coaching_tool_price": "14.50"}).status_code == 201
    invoice_month("2026-10")
    packages = by_kind(invoices("2026-10")[0])["package"]
    assert [(line["unit_price"], line["amount"]) for line in packages] == [("180.00", "87.10"), ("240.00", "123.87")]


def test_the_bad_inputs_of_issue_7_are_named(http, admin, dietitian, client_id, subscribe, price_list):
    unknown = http.post(f"/api/v1/clients/{client_id}/subscriptions", headers=dietitian.headers,
                        json={"plan_id": 999, "start_date": "2026-09-01"})
    assert unknown.status_code == 422 and "plan_id" in unknown.json["errors"]
    subscribe(client_id, start="2026-09-01")
    overlap = http.post(f"/api/v1/clients/{client_id}/subscriptions", headers=dietitian.headers,
                        json={"plan_id": price_list["plan"], "start_date": "2027-01-01"})
    assert overlap.status_code == 409 and "start_date" in overlap.json["errors"]
    negative = http.post("/api/v1/billing/plans", headers=admin.headers, json={
        "code": "cheap", "name": "Cheap", "version": {
            "effective_from": "2026-12-01", "meals_per_week": 7, "package_price": "-1.00",
            "information_platform_price": "0", "coaching_tool_price": "0"}})
    assert negative.status_code == 422 and "package_price" in negative.json["errors"]["version"]
    mid_month = http.post(f"/api/v1/billing/plans/{price_list['plan']}/versions", headers=admin.headers,
                          json={"effective_from": "2026-12-15", "meals_per_week": 7, "package_price": "1.00",
                                "information_platform_price": "0", "coaching_tool_price": "0"})
    assert mid_month.status_code == 422 and "effective_from" in mid_month.json["errors"]
    cents = http.post("/api/v1/billing/tariffs", headers=admin.headers, json={
        "code": "oven", "kind": "rental", "name": "Oven",
        "price": {"effective_from": "2026-12-01", "unit_price": "18.005"}})
    assert cents.status_code == 422 and "unit_price" in cents.json["errors"]["price"]
    unknown_field = http.post("/api/v1/billing/segments", headers=admin.headers, json={
        "code": "x", "name": "X", "attributes": ["low_income"], "colour": "red"})
    assert unknown_field.status_code == 422 and "colour" in unknown_field.json["errors"]


def test_changes_are_scheduled_and_a_scheduled_one_can_be_withdrawn(
        http, dietitian, client_id, subscribe, change, invoice_month):
    sub = subscribe(client_id, start="2026-09-01")
    cancelled = change(sub["id"], "cancel", "2027-03-01", reason="moves away").json
    assert cancelled["ends_on"] == "2027-03-01" and cancelled["status"] == "active"
    assert change(sub["id"], "pause", "2027-04-01").status_code == 409       # after the cancellation
    assert change(sub["id"], "resume", "2027-01-01").status_code == 409      # not paused
    invoice_month("2026-10")
    late = change(sub["id"], "pause", "2026-10-20")
    assert late.status_code == 409 and "effective_on" in late.json["errors"]  # October is invoiced
    scheduled = cancelled["changes"][-1]["id"]
    withdrawn = http.delete(f"/api/v1/subscriptions/{sub['id']}/changes/{scheduled}",
                            headers=dietitian.headers)
    assert withdrawn.status_code == 200 and withdrawn.json["ends_on"] is None
    rental = change(sub["id"], "set_rental", "2026-11-10", appliance="freezer", quantity=2).json
    in_force = rental["changes"][-1]["id"]
    refused = http.delete(f"/api/v1/subscriptions/{sub['id']}/changes/{in_force}", headers=dietitian.headers)
    assert refused.status_code == 409
    listed = http.get(f"/api/v1/clients/{client_id}/subscriptions", headers=dietitian.headers).json
    assert listed[0]["rentals"] == {"freezer": 2} and listed[0]["status"] == "active"


def test_rentals_name_a_priced_rental_tariff(http, dietitian, client_id, subscribe, change):
    bad = http.post(f"/api/v1/clients/{client_id}/subscriptions", headers=dietitian.headers, json={
        "plan_id": 1, "start_date": "2026-09-01", "rentals": [{"appliance": "delivery", "quantity": 1}]})
    assert bad.status_code == 422
    sub = subscribe(client_id, start="2026-09-01")
    assert change(sub["id"], "set_rental", "2026-12-01", appliance="oven", quantity=1).status_code == 422
    assert change(sub["id"], "set_rental", "2026-12-01", appliance="freezer").status_code == 422
