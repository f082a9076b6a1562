"""The client invoices of one slice of a provider's clients, in the caller's transaction:
first every invoice is composed (reads only, a query per kind of input for the whole slice),
then the numbers are reserved for exactly the invoices that have lines, and everything is
written in a few batched statements. The numbers are taken last so that the provider's
lock (``issuing.reserve``) is held only while this slice writes: the provider's other
slices compose meanwhile, and a slice that fails rolls its numbers back with its invoices."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import SYSTEM
from nutriplat.billing import issuing
from nutriplat.billing.domain.composition import ClientInvoice, compose
from nutriplat.billing.models import CofinancingAllocation, Invoice, Voucher, VoucherProgramme
from nutriplat.billing.month_inputs import Inputs, gather
from nutriplat.clients.models import Client
from nutriplat.periods import Month


@dataclass(frozen=True)
class _Draft:
    client_id: int
    inputs: Inputs
    result: ClientInvoice


def client_key(organisation_id: int, month: Month, client_id: int) -> str:
    return f"invoice:{organisation_id}:{month}:client:{client_id}"


def invoice_clients(session: Session, organisation_id: int, client_ids: list[int], month: Month, today: date,
                    vat: dict[str, Decimal]) -> int:
    """Invoices for those of ``client_ids`` with anything to bill; how many."""
    inputs = gather(session, organisation_id, client_ids, month, vat)
    drafts = [_Draft(i, inputs[i], result) for i in client_ids if (result := compose(inputs[i].month)).lines]
    if not drafts:
        return 0
    names = {i: f"{given} {family}" for i, given, family in session.execute(
        select(Client.id, Client.given_name, Client.family_name).where(Client.id.in_([d.client_id for d in drafts])))}
    numbers = issuing.reserve(session, organisation_id, "invoice", today, len(drafts))
    invoices = [issuing.build(organisation_id, "invoice", client_key(organisation_id, month, d.client_id), number,
                              str(month), issuing.Payer("client", d.client_id, names[d.client_id]), d.result.lines,
                              today, gross=d.result.gross)
                for d, number in zip(drafts, numbers, strict=True)]
    session.add_all(invoices)
    session.flush()  # one batched insert; the ids are needed below
    for draft, invoice in zip(drafts, invoices, strict=True):
        _settle(session, invoice, draft)
        audit.record(session, SYSTEM, "create", "invoice", invoice.id, draft.client_id,
                     detail={"month": str(month), "source": "invoicing run"}, organisation_id=organisation_id)
    session.flush()
    return len(invoices)


def _settle(session: Session, invoice: Invoice, draft: _Draft) -> None:
    """Mark what this invoice used up, so no later invoice uses it again, and keep what
    cofinancers pay of it."""
    for charge in draft.inputs.charges:
        charge.invoice_id = invoice.id
    by_id = {entry.id: entry for entry in draft.inputs.redemptions}
    for entry_id, amount in draft.result.applied_redemptions:
        by_id[entry_id].applied = (by_id[entry_id].applied or Decimal("0.00")) + amount
    for a in draft.result.allocations:
        voucher = session.get(Voucher, a.reference) if a.kind == "voucher" else None
        session.add(CofinancingAllocation(
            organisation_id=invoice.organisation_id, client_invoice_id=invoice.id, client_id=draft.client_id,
            cofinancer_id=a.cofinancer_id, kind=a.kind, month=invoice.month, amount=a.amount,
            agreement_id=a.reference if a.kind == "share" else None, programme_id=a.programme_id,
            voucher_id=voucher.id if voucher else None))
        if voucher is not None:
            voucher.redeemed_amount, voucher.invoice_id = a.amount, invoice.id
            session.execute(update(VoucherProgramme).where(VoucherProgramme.id == a.programme_id).values(
                redeemed=VoucherProgramme.redeemed + a.amount))
