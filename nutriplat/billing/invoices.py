"""Reading invoices (admins of the issuer; a caregiver with an ``order`` mandate for the
client's own), credit notes (the only correction of an issued invoice) and the invoice's
status (issued → sent → paid; credited once fully credited)."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from nutriplat.auth import audit, roles
from nutriplat.auth.actor import Actor
from nutriplat.billing import issuing
from nutriplat.billing.domain.lines import Line
from nutriplat.billing.domain.money import total
from nutriplat.billing.models import Invoice, InvoiceLine
from nutriplat.billing.policy import POLICY
from nutriplat.billing.vocabulary import INVOICE_TRANSITIONS
from nutriplat.clients.access import visible_clients
from nutriplat.clients.models import Client
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.errors import Conflict, ErrorCollector, NotFound
from nutriplat.pagination import page_of

RESOURCE = "invoice"


def _visible(session: Session, actor: Actor) -> Select[Invoice]:
    stmt = select(Invoice).options(selectinload(Invoice.lines))
    if actor.role == roles.CAREGIVER:
        mine = visible_clients(session, actor, "order").with_only_columns(Client.id)
        return stmt.where(Invoice.payer_client_id.in_(mine))
    if actor.is_platform_admin:
        return stmt
    return stmt.where(Invoice.organisation_id == actor.organisation_id)


def _visible_invoice(session: Session, actor: Actor, invoice_id: int) -> Invoice:
    """One invoice the actor sees (``_visible``: a caregiver's by mandate, so not
    ``nutriplat.access``'s organisation rule alone)."""
    invoice = session.scalar(_visible(session, actor).where(Invoice.id == invoice_id))
    if invoice is None:
        raise NotFound(f"No invoice {invoice_id}.")
    return invoice


def _audit_reads(session: Session, actor: Actor, invoices: list[Invoice], action: str = "list") -> None:
    # An invoice to a person is that person's data.
    audit.record_all(session, actor, action, RESOURCE, ((i.id, i.payer_client_id, i.organisation_id)
                                                        for i in invoices if i.payer_client_id is not None))


def list_invoices(uow: UnitOfWork, actor: Actor, filters: dict[str, Any], page: int,
                  page_size: int) -> tuple[list[Invoice], int]:
    POLICY.check(actor, "list_invoices")
    with uow:
        stmt = _visible(uow.session, actor)
        if "month" in filters:
            stmt = stmt.where(Invoice.month == str(filters["month"]))
        for key in ("document_type", "status", "payer_type"):
            if key in filters:
                stmt = stmt.where(getattr(Invoice, key) == filters[key])
        if "client_id" in filters:
            stmt = stmt.where(Invoice.payer_client_id == filters["client_id"])
        invoices, count = page_of(uow.session, stmt.order_by(Invoice.month, Invoice.number), page, page_size)
        _audit_reads(uow.session, actor, invoices)
        uow.commit()
        return invoices, count


def get_invoice(uow: UnitOfWork, actor: Actor, invoice_id: int, action: str = "read") -> Invoice:
    POLICY.check(actor, "get_invoice")
    with uow:
        invoice = _visible_invoice(uow.session, actor, invoice_id)
        _audit_reads(uow.session, actor, [invoice], action)
        uow.commit()
        return invoice


def _credited(session: Session, line: InvoiceLine) -> Decimal:
    """How much of the line earlier credit notes took back (their lines are negated)."""
    return -total(session.scalars(select(InvoiceLine.amount).where(InvoiceLine.credits_line_id == line.id)))


def _credit_lines(session: Session, invoice: Invoice,
                  wanted: list[dict[str, Any]]) -> tuple[list[Line], bool]:
    """Credit lines for ``wanted`` (all remaining when empty), and whether the invoice is
    then fully credited."""
    remaining = {line.id: line.amount - _credited(session, line) for line in invoice.lines}
    errors, asked = ErrorCollector(), {}
    everything = [{"line_id": line.id} for line in invoice.lines if remaining[line.id]]
    for i, item in enumerate(wanted or everything):
        line_id, amount = item["line_id"], item.get("amount")
        if line_id not in remaining:
            errors.add(f"lines.{i}.line_id", f"Line {line_id} is not on invoice {invoice.id}.")
            continue
        left = remaining[line_id]
        amount = left if amount is None else amount.copy_sign(left)
        if not left or abs(amount) > abs(left) or line_id in asked:
            errors.add(f"lines.{i}.amount", f"At most {abs(left)} of this line is left to credit.")
        asked[line_id] = amount
    if not asked and not errors.errors:
        errors.add("lines", "Nothing is left to credit on this invoice.")
    if errors.errors:
        raise Conflict("The credit note does not fit the invoice.", errors.errors)
    lines = []
    for line in invoice.lines:
        if line.id in asked:
            amount = asked[line.id]
            whole = amount == line.amount
            lines.append(Line(line.kind, f"Credit: {line.description}",
                              -line.quantity if whole else Decimal(-1), line.unit_price if whole else amount,
                              line.vat_rate, -amount, {"credits_line_id": line.id}))
    return lines, all(remaining[i] == asked.get(i, Decimal(0)) for i in remaining)


def credit(uow: UnitOfWork, actor: Actor, invoice_id: int, data: dict[str, Any]) -> Invoice:
    POLICY.check(actor, "credit_invoice")
    with uow:
        invoice = _visible_invoice(uow.session, actor, invoice_id)
        if invoice.document_type != "invoice" or invoice.status == "credited":
            raise Conflict("Only an invoice not yet fully credited can be credited.",
                           {"invoice_id": [f"It is a {invoice.document_type}, {invoice.status}."]})
        lines, fully = _credit_lines(uow.session, invoice, data.get("lines") or [])
        count = uow.session.scalar(select(func.count(Invoice.id)).where(Invoice.corrects_id == invoice.id))
        payer_id = invoice.payer_client_id or invoice.payer_organisation_id or 0
        payer = issuing.Payer(invoice.payer_type, payer_id, invoice.payer_name)
        note = issuing.write(uow.session, invoice.organisation_id, "credit_note",
                             f"credit:{invoice.id}:{(count or 0) + 1}", invoice.month, payer, lines,
                             business_today(), created_by=actor.user_id, corrects_id=invoice.id,
                             reason=data["reason"])
        if fully:
            invoice.status, invoice.status_changed_at = "credited", utcnow()
        _audit_reads(uow.session, actor, [note], "create")
        uow.commit()
        return note


def change_status(uow: UnitOfWork, actor: Actor, invoice_id: int, to_status: str) -> Invoice:
    POLICY.check(actor, "change_invoice_status")
    with uow:
        invoice = _visible_invoice(uow.session, actor, invoice_id)
        allowed = INVOICE_TRANSITIONS[invoice.status]
        if to_status not in allowed:
            raise Conflict(f"An invoice that is '{invoice.status}' cannot become '{to_status}'.",
                           {"to_status": [f"Allowed: {', '.join(allowed) or 'none'}."]})
        invoice.status, invoice.status_changed_at = to_status, utcnow()
        _audit_reads(uow.session, actor, [invoice], "update")
        uow.commit()
        return invoice
