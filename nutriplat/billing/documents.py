"""An invoice as CSV (one row per line, then the VAT and totals) and as a printable
HTML page. Both show exactly the stored figures; nothing is recomputed."""
from __future__ import annotations

import csv
import io

from jinja2 import Environment

from nutriplat.billing.models import Invoice
from nutriplat.spreadsheets import csv_text

COLUMNS = ("number", "month", "payer", "kind", "description", "quantity", "unit_price", "vat_rate", "amount")
TITLES = {"invoice": "Invoice", "credit_note": "Credit note"}


def to_csv(invoice: Invoice) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    head = (invoice.number, invoice.month, invoice.payer_name)
    rows: list[tuple[object, ...]] = [
        (*head, line.kind, line.description, line.quantity, line.unit_price, line.vat_rate, line.amount)
        for line in invoice.lines]
    rows += [(*head, "vat", f"VAT {group['rate']} % on {group['base']}", "", "", group["rate"], group["vat"])
             for group in invoice.vat_breakdown]
    rows.append((*head, "total", "Total (line amounts + VAT)", "", "", "", invoice.total))
    # Every text cell (a payer's or a dish's name) as text: a spreadsheet never runs it as a formula.
    writer.writerows([csv_text(value) for value in row] for row in rows)
    return out.getvalue()


_PAGE = Environment(autoescape=True).from_string("""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{{ title }} {{ i.number }}</title>
<style>
 body { font: 11pt/1.4 system-ui, sans-serif; margin: 2cm; color: #222 }
 table { border-collapse: collapse; width: 100% } td, th { padding: 4px 6px; border-bottom: 1px solid #ddd }
 th { text-align: left } .n { text-align: right; white-space: nowrap } .total td { font-weight: bold }
 @media print { body { margin: 1cm } }
</style></head><body>
<h1>{{ title }} {{ i.number }}</h1>
<p>Month {{ i.month }} · issued {{ i.issued_on }} · status {{ i.status }}</p>
<p><strong>To:</strong> {{ i.payer_name }}</p>
{% if i.reason %}<p><strong>Reason:</strong> {{ i.reason }}</p>{% endif %}
<table><thead><tr><th>Description</th><th class="n">Quantity</th><th class="n">Unit price</th>
<th class="n">VAT %</th><th class="n">Amount (€)</th></tr></thead><tbody>
{% for l in i.lines %}<tr><td>{{ l.description }}</td><td class="n">{{ l.quantity }}</td>
<td class="n">{{ l.unit_price }}</td><td class="n">{{ l.vat_rate }}</td><td class="n">{{ l.amount }}</td></tr>
{% endfor %}<tr><td colspan="4">Subtotal</td><td class="n">{{ i.subtotal }}</td></tr>
{% for g in i.vat_breakdown %}<tr><td colspan="4">VAT {{ g.rate }} % on {{ g.base }}</td>
<td class="n">{{ g.vat }}</td></tr>{% endfor %}
<tr class="total"><td colspan="4">Total</td><td class="n">{{ i.total }}</td></tr>
</tbody></table>
{% if i.gross != i.total %}<p>Before third-party payments (cofinancing, vouchers) the month
comes to € {{ i.gross }}.</p>{% endif %}
</body></html>
""")


def to_html(invoice: Invoice) -> str:
    return _PAGE.render(i=invoice, title=TITLES[invoice.document_type])
