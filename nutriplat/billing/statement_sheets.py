"""Monthly statements as CSV (a referrer's or a cofinancer's download): one row per ledger
entry, then each statement's totals. Only the stored figures; nothing is recomputed."""
from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from nutriplat.billing.statements import Statement
from nutriplat.spreadsheets import csv_text

COLUMNS = ("organisation", "issuer", "month", "kind", "direction", "description", "quantity", "amount",
           "earned_on")


def to_csv(statements: Sequence[Statement]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    rows: list[tuple[object, ...]] = []
    for s in statements:
        head = (s.organisation.name, s.issuer.name, s.month)
        rows += [(*head, e.kind, e.direction, e.description, e.quantity, e.amount,
                  e.earned_on.isoformat() if e.earned_on else "") for e in s.entries]
        rows += [(*head, "payable_total", "payable", "The provider owes (all entries)", "", s.payable_total, ""),
                 (*head, "payable_earned", "payable", "… of which earned by the month's end", "",
                  s.payable_earned, ""),
                 (*head, "receivable_total", "receivable", "Owed to the provider", "", s.receivable_total, "")]
    # Names and descriptions as text: a spreadsheet never runs them as a formula.
    writer.writerows([csv_text(value) for value in row] for row in rows)
    return out.getvalue()
