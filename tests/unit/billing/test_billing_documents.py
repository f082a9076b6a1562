"""CSV and printable page: stored figures only, safe for spreadsheets and browsers."""
from datetime import date
from decimal import Decimal as D
from types import SimpleNamespace

from nutriplat.billing.documents import to_csv, to_html

LINE = SimpleNamespace(kind="package", description="=HYPERLINK(\"x\") <b>pkg</b>", quantity=D("1.0000"),
                       unit_price=D("180.00"), vat_rate=D("6.00"), amount=D("180.00"))
INVOICE = SimpleNamespace(
    number="F2026-000001", month="2026-10", payer_name="@Maria <script>", status="issued",
    issued_on=date(2026, 11, 25), document_type="invoice", reason=None, lines=[LINE],
    subtotal=D("180.00"), vat_total=D("10.80"), total=D("190.80"), gross=D("190.80"),
    vat_breakdown=[{"rate": "6.00", "base": "180.00", "vat": "10.80"}])


def test_the_csv_has_a_row_per_line_then_vat_and_total_and_defuses_formulas():
    rows = to_csv(INVOICE).splitlines()
    assert len(rows) == 4 and rows[-1].endswith("total,Total (line amounts + VAT),,,,190.80")
    assert ",'@Maria <script>," in rows[1] and "'=HYPERLINK" in rows[1]
    assert rows[2].endswith("vat,VAT 6.00 % on 180.00,,,6.00,10.80")


def test_the_printable_page_escapes_what_people_typed():
    html = to_html(INVOICE)
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>pkg</b>" not in html
    assert "Invoice F2026-000001" in html and "190.80" in html
