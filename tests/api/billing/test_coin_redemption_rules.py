"""Issue 17: healthcoins are spent against the next invoice, with validation before
anything is written: a minimum per redemption, never above the balance, and only while an
invoice is to come (once every month of the subscription is invoiced, they are closed and
a redemption would be set against nothing). The discount line is billing's."""
from __future__ import annotations

from tests.setup_calls import setup


def test_a_redemption_needs_the_minimum_and_an_invoice_to_come(http, dietitian, client_id, subscribe, change,
                                                               invoice_month):
    base = f"/api/v1/clients/{client_id}/healthcoins"
    setup(http.post(f"{base}/awards", headers=dietitian.headers, json={"coins": 100, "reason": "goal met"}))
    sub = subscribe(client_id, start="2026-10-01")
    few = http.post(f"{base}/redemptions", headers=dietitian.headers, json={"coins": 19})
    assert few.status_code == 422 and few.json["errors"]["coins"] == ["Redeem at least 20 coins at a time."]
    change(sub["id"], "cancel", "2026-11-01")
    assert http.post(f"{base}/redemptions", headers=dietitian.headers, json={"coins": 20}).status_code == 201
    invoice_month("2026-10")  # October was the last month: closed now
    closed = http.post(f"{base}/redemptions", headers=dietitian.headers, json={"coins": 120})
    assert closed.status_code == 409 and len(closed.json["errors"]["coins"]) == 2  # the balance and the month
    ledger = http.get(base, headers=dietitian.headers).json
    assert (ledger["balance"], ledger["on_next_invoice"], ledger["minimum"]) == (80, "0.00", 20)
