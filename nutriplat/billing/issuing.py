"""Writing an invoice or credit note: numbered in one continuous series per provider,
document type and year, with its lines and totals frozen as issued.

Belgian invoicing wants the series without gaps. A number is taken in the transaction that
writes its document, with the provider's row locked from the taking until that transaction
ends (``reserve``): a transaction that fails rolls its numbers back with its documents, so
no number is ever lost or given twice. Writers take the numbers last, after everything they
read and compose, so the lock is held only while the documents are written (the invoicing
run's slices compose side by side and queue only for that)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nutriplat.auth.models import Organisation
from nutriplat.billing.domain.lines import Line, totals
from nutriplat.billing.models import Invoice, InvoiceLine
from nutriplat.conflicts import flush_or_conflict

SERIES = {"invoice": "F", "credit_note": "C"}


@dataclass(frozen=True)
class Payer:
    type: str  # "client" or "organisation"
    id: int
    name: str


def reserve(session: Session, organisation_id: int, document_type: str, issued_on: date, count: int) -> list[str]:
    """The next ``count`` numbers of the provider's series; the provider's row stays locked
    until the transaction ends, so concurrent writers queue here (FOR NO KEY UPDATE: rows
    that merely refer to the provider are still written meanwhile)."""
    session.execute(select(Organisation.id).where(Organisation.id == organisation_id)
                    .with_for_update(key_share=True))
    prefix = f"{SERIES[document_type]}{issued_on.year}-"
    last = session.scalar(select(func.max(Invoice.number)).where(
        Invoice.organisation_id == organisation_id, Invoice.number.like(f"{prefix}%")))
    first = int(last.removeprefix(prefix)) + 1 if last else 1
    return [f"{prefix}{n:06d}" for n in range(first, first + count)]


def write(session: Session, organisation_id: int, document_type: str, natural_key: str, month: str,
          payer: Payer, lines: Sequence[Line], issued_on: date, gross: Decimal | None = None,
          created_by: int | None = None, **extra: object) -> Invoice:
    number = reserve(session, organisation_id, document_type, issued_on, 1)[0]
    invoice = build(organisation_id, document_type, natural_key, number, month, payer, lines, issued_on, gross,
                    created_by, **extra)
    session.add(invoice)
    # The payer-month may have been taken by a concurrent run or request.
    flush_or_conflict(session, "Another document was issued at the same moment; nothing was written. Retry.",
                      {"number": [invoice.number], "natural_key": [natural_key]})
    return invoice


def build(organisation_id: int, document_type: str, natural_key: str, number: str, month: str, payer: Payer,
          lines: Sequence[Line], issued_on: date, gross: Decimal | None = None, created_by: int | None = None,
          **extra: object) -> Invoice:
    """The document with the number the caller reserved, not yet added to the session."""
    shown = totals(lines)
    return Invoice(
        organisation_id=organisation_id, document_type=document_type, natural_key=natural_key,
        number=number, month=month,
        payer_type=payer.type, payer_name=payer.name,
        payer_client_id=payer.id if payer.type == "client" else None,
        payer_organisation_id=payer.id if payer.type == "organisation" else None,
        status="issued", issued_on=issued_on, subtotal=shown.subtotal, vat_total=shown.vat_total,
        total=shown.total, gross=shown.total if gross is None else gross, created_by=created_by,
        vat_breakdown=[{"rate": str(g.rate), "base": str(g.base), "vat": str(g.vat)} for g in shown.vat],
        lines=[InvoiceLine(
            position=i, kind=line.kind, description=line.description[:300], quantity=line.quantity,
            unit_price=line.unit_price, vat_rate=line.vat_rate, amount=line.amount,
            source=dict(line.source), credits_line_id=line.source.get("credits_line_id"))
            for i, line in enumerate(lines, start=1)],
        **extra)
