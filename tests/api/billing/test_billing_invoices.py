"""Invoices: the exact interface, idempotent runs, charges billed once, CSV and print,
credit notes as the only correction, status, and who may see which invoice."""
from decimal import Decimal as D

import pytest

from tests.setup_calls import setup


@pytest.fixture
def october(client_id, subscribe, invoice_month, invoices):
    subscribe(client_id, start="2026-06-01", rentals=[("freezer", 1)])
    invoice_month("2026-10")
    return invoices("2026-10")[0]


def test_the_interface_of_issue_7(october):
    assert set(october) >= {"id", "payer", "month", "status", "total", "lines"}
    assert isinstance(october["total"], str) and october["total"] == "231.32"  # coaching exempt (issue 18)
    for line in october["lines"]:
        assert set(line) >= {"kind", "description", "quantity", "unit_price", "vat_rate", "amount"}
        assert all(isinstance(line[k], str) for k in ("quantity", "unit_price", "vat_rate", "amount"))
    vat = sum(D(group["vat"]) for group in october["vat"])
    assert D(october["total"]) == sum(D(line["amount"]) for line in october["lines"]) + vat
    assert october["number"].startswith("F2026-") and october["document_type"] == "invoice"


def test_a_second_run_changes_nothing(http, admin, october, invoice_month, invoices):
    assert invoice_month("2026-10") == {}
    assert invoices("2026-10") == [october]
    audit = http.get("/api/v1/audit", headers=admin.headers, query_string={"resource": "invoice"}).json
    assert sum(e["action"] == "create" for e in audit) == 1


def test_extra_meals_and_add_ons_are_billed_once_and_late_ones_next_month(
        http, admin, client_id, subscribe, invoice_month, invoices, by_kind, world):
    subscribe(client_id, start="2026-09-01")
    delivery = {"charged_on": "2026-09-20", "kind": "addon", "tariff_code": "delivery", "quantity": 2,
                "idempotency_key": "delivery:1"}
    first = http.post(f"/api/v1/clients/{client_id}/charges", headers=admin.headers, json=delivery)
    again = http.post(f"/api/v1/clients/{client_id}/charges", headers=admin.headers, json=delivery)
    assert first.status_code == again.status_code == 201 and first.json["id"] == again.json["id"]
    invoice_month("2026-09")
    late = http.post(f"/api/v1/clients/{client_id}/charges", headers=admin.headers, json={
        "charged_on": "2026-09-28", "kind": "addon", "tariff_code": "delivery", "quantity": 1,
        "unit_price": "4.00", "price_reason": "one box left at the neighbours'"})
    invoice_month("2026-09")
    invoice_month("2026-10")
    september, october = by_kind(invoices("2026-09")[0]), by_kind(invoices("2026-10")[0])
    assert [(line["quantity"], line["unit_price"], line["amount"], line["vat_rate"])
            for line in september["addon"]] == [("2.0000", "5.00", "10.00", "21.00")]
    assert [line["amount"] for line in october["addon"]] == ["4.00"]
    assert "2026-09-28" in october["addon"][0]["description"]
    charges = http.get(f"/api/v1/clients/{client_id}/charges", headers=admin.headers).json
    billed = {c["id"]: c["invoice_id"] is not None for c in charges}
    assert billed == {first.json["id"]: True, late.json["id"]: True}
    bad = http.post(f"/api/v1/clients/{client_id}/charges", headers=admin.headers, json={
        "charged_on": "2026-09-28", "kind": "extra_meal", "quantity": 1})
    assert bad.status_code == 422 and "variant_id" in bad.json["errors"]


def test_csv_and_printable_page_show_the_stored_figures(http, admin, october):
    csv = http.get(f"/api/v1/invoices/{october['id']}/csv", headers=admin.headers)
    assert csv.status_code == 200 and csv.mimetype == "text/csv"
    rows = csv.get_data(as_text=True).splitlines()
    assert rows[0] == "number,month,payer,kind,description,quantity,unit_price,vat_rate,amount"
    assert rows[-1].endswith(",231.32") and len(rows) == 1 + len(october["lines"]) + len(october["vat"]) + 1
    page = http.get(f"/api/v1/invoices/{october['id']}/print", headers=admin.headers)
    html = page.get_data(as_text=True)
    assert page.mimetype == "text/html" and october["number"] in html and "231.32" in html
    assert "Maria Vandenberghe" in html


def test_corrections_are_credit_notes_and_the_invoice_is_never_edited(http, admin, october, invoices):
    base = f"/api/v1/invoices/{october['id']}"
    rental = next(line for line in october["lines"] if line["kind"] == "rental")
    part = http.post(f"{base}/credit-notes", headers=admin.headers, json={
        "reason": "freezer delivered late", "lines": [{"line_id": rental["id"], "amount": "4.00"}]})
    assert part.status_code == 201, part.json
    assert part.json["document_type"] == "credit_note" and part.json["corrects_id"] == october["id"]
    assert part.json["total"] == "-4.84" and part.json["number"].startswith("C2026-")
    too_much = http.post(f"{base}/credit-notes", headers=admin.headers, json={
        "reason": "x", "lines": [{"line_id": rental["id"], "amount": "8.01"}]})
    assert too_much.status_code == 409 and "lines.0.amount" in too_much.json["errors"]
    sent = http.post(f"{base}/status-changes", headers=admin.headers, json={"to_status": "sent"})
    assert sent.status_code == 200
    rest = http.post(f"{base}/credit-notes", headers=admin.headers, json={"reason": "client left"})
    assert rest.status_code == 201
    assert D(rest.json["total"]) + D(part.json["total"]) == -D(october["total"])
    now = http.get(base, headers=admin.headers).json
    assert now["status"] == "credited"
    assert (now["lines"], now["total"]) == (october["lines"], october["total"])  # never edited
    again = http.post(f"{base}/credit-notes", headers=admin.headers, json={"reason": "again"})
    paid = http.post(f"{base}/status-changes", headers=admin.headers, json={"to_status": "paid"})
    assert again.status_code == paid.status_code == 409
    assert len(invoices("2026-10", document_type="credit_note")) == 2


def test_a_caregiver_with_an_order_mandate_sees_the_clients_invoices(
        http, world, dietitian, october, invoices, client_id):
    carer, viewer = world.person("an", "caregiver", None), world.person("bart", "caregiver", None)
    for person, scopes in ((carer, ["view", "order"]), (viewer, ["view"])):
        setup(http.post(f"/api/v1/clients/{client_id}/mandates", headers=dietitian.headers,
                        json={"caregiver_id": person.id, "scopes": scopes}))
    assert [i["id"] for i in invoices("2026-10", carer)] == [october["id"]]
    assert http.get(f"/api/v1/invoices/{october['id']}/print", headers=carer.headers).status_code == 200
    assert invoices("2026-10", viewer) == []
    assert http.get(f"/api/v1/invoices/{october['id']}", headers=viewer.headers).status_code == 404
    other = world.person("otto", "admin", organisation="Provider B")
    assert invoices("2026-10", other) == []
    assert http.get(f"/api/v1/invoices/{october['id']}", headers=other.headers).status_code == 404


def test_months_are_named_as_yyyy_mm(http, admin):
    bad = http.get("/api/v1/invoices", headers=admin.headers, query_string={"month": "2026-13"})
    assert bad.status_code == 422 and "month" in bad.json["errors"]
