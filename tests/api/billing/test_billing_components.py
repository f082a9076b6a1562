"""Issue 18 item 4: the information platform (b) and the coaching tool (c) are on a month's
invoice only for a client who had them that month — an item of the library given, a
coaching session held — and coaching by a recognised dietitian is VAT exempt."""
from __future__ import annotations

from tests.setup_calls import setup

ITEM = {"key": "fluid-daily", "kind": "article", "topic": "fluid", "lang": "en", "title": "Drinking enough",
        "body": "About 1.5 to 2 litres a day.", "author": "The dietitians", "reviewed_on": "2026-09-01"}


def _kinds(invoices, month):
    [invoice] = invoices(month)
    return {line["kind"]: line["vat_rate"] for line in invoice["lines"]}


def test_a_month_without_platform_or_coaching_bills_the_package_only(
        http, admin, dietitian, client_id, subscribe, invoice_month, invoices):
    subscribe(client_id, start="2026-06-01")
    invoice_month("2026-09", used=False)
    assert _kinds(invoices, "2026-09") == {"package": "6.00"}


def test_an_item_given_bills_the_platform_from_then_and_a_session_held_bills_coaching_that_month(
        http, admin, dietitian, client_id, subscribe, invoice_month, invoices):
    subscribe(client_id, start="2026-06-01")
    item = setup(http.post("/api/v1/content-items", headers=admin.headers, json=ITEM))
    setup(http.post(f"/api/v1/clients/{client_id}/content-assignments", headers=dietitian.headers,
                    json={"content_item_id": item["id"]}))  # given today: bills from this month on
    setup(http.post(f"/api/v1/clients/{client_id}/coaching-sessions", headers=dietitian.headers,
                    json={"held_at": "2026-10-14T10:00:00+02:00", "mode": "phone", "plan": "Drink more"}))
    invoice_month("2026-09", used=False)
    invoice_month("2026-10", used=False)
    assert _kinds(invoices, "2026-09") == {"package": "6.00"}  # the item came later
    assert _kinds(invoices, "2026-10") == {"package": "6.00", "coaching_tool": "0.00"}
    assert invoice_month("2026-10", used=False) == {}  # a second run changes nothing
