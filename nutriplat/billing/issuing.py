"""Writing an invoice or credit note: numbered in one continuous series per provider,
document type and year, with its lines and totals frozen as issued."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nutriplat.billing.domain.lines import Line, totals
from nutriplat.billing.models import Invoice, InvoiceLine
from nutriplat.conflicts import flush_or_conflict

SERIES = {"invoice": "F", "credit_note": "C"}


@dataclass(frozen=True)
class Payer:
    type: str  # "client" or "organisation"
    id: int
    name: str


def next_number(session: Session, organisation_id: int, document_type: str, issued_on: date) -> str:
    prefix = f"{SERIES[document_type]}{issued_on.year}-"
    last = session.scalar(select(func.max(Invoice.number)).where(
        Invoice.organisation_id == organisation_id, Invoice.number.like(f"{prefix}%")))
    return f"{prefix}{int(last.removeprefix(prefix)) + 1 if last else 1:06d}"


def write(session: Session, organisation_id: int, document_type: str, natural_key: str, month: str,
          payer: Payer, lines: Sequence[Line], issued_on: date, gross: Decimal | None = None,
          created_by: int | None = None, **extra: object) -> Invoice:
    shown = totals(lines)
    invoice = Invoice(
        organisation_id=organisation_id, document_type=document_type, natural_key=natural_key,
        number=next_number(session, organisation_id, document_type, issued_on), month=month,
        payer_type=payer.type, payer_name=payer.name,
        payer_client_id=payer.id if payer.type == "client" else None,
        payer_organisation_id=payer.id if payer.type == "organisation" else None,
        status="issued", issued_on=issued_on, subtotal=shown.subtotal, vat_total=shown.vat_total,
        total=shown.total, gross=shown.total if gross is None else gross, created_by=created_by,
        vat_breakdown=[{"rate": str(g.rate), "base": str(g.base), "vat": str(g.vat)} for g in shown.vat],
        **extra)
    invoice.lines = [InvoiceLine(
        position=i, kind=line.kind, description=line.description[:300], quantity=line.quantity,
        unit_price=line.unit_price, vat_rate=line.vat_rate, amount=line.amount,
        source=dict(line.source), credits_line_id=line.source.get("credits_line_id"))
        for i, line in enumerate(lines, start=1)]
    session.add(invoice)
    # The number or the payer-month may have been taken by a concurrent run or request.
    flush_or_conflict(session, "Another document was issued at the same moment; nothing was written. Retry.",
                      {"number": [invoice.number], "natural_key": [natural_key]})
    return invoice
