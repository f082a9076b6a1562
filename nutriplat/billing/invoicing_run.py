"""The monthly invoicing run: one invoice per payer per month, idempotent.

Per provider, in one transaction: each client with a subscription in the month, unbilled
charges or meals served on a ward whose agreement invoices the client gets one invoice
(skipped if it exists); what cofinancers pay of those invoices is kept as allocations and
billed to each cofinancer on one invoice per month (allocations that arrive after a
cofinancer's invoice wait for the next month); then the ledger accrues commissions, fund
contributions and royalties. A second run finds every invoice and ledger entry in place
and changes nothing; royalties accrue in a month's first run only, so charges recorded
after it (a delivery of the month confirmed late) wait for the next month, as a
cofinancer's allocations do."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import SYSTEM
from nutriplat.billing import invoicing_cofinancers, issuing, referrals, royalties, ward_meals
from nutriplat.billing.domain.composition import compose
from nutriplat.billing.invoicing_facilities import bill_facilities
from nutriplat.billing.models import Charge, CofinancingAllocation, Invoice, Subscription, Voucher, VoucherProgramme
from nutriplat.billing.month_inputs import Inputs, gather
from nutriplat.billing.rates import rates_on, vat_percent
from nutriplat.billing.vocabulary import BILLED_CHARGE_KINDS
from nutriplat.clients.models import Client
from nutriplat.clock import business_today
from nutriplat.conflicts import conflicts
from nutriplat.db import UnitOfWork
from nutriplat.errors import InvalidInput
from nutriplat.facilities.models import ServiceAgreement
from nutriplat.periods import Month


@dataclass
class RunSummary:
    month: str
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, what: str, n: int = 1) -> None:
        if n:
            self.counts[what] = self.counts.get(what, 0) + n


def client_key(organisation_id: int, month: Month, client_id: int) -> str:
    return f"invoice:{organisation_id}:{month}:client:{client_id}"


def run(new_uow: Callable[[], UnitOfWork], month: Month, today: date | None = None) -> RunSummary:
    today = today or business_today()
    if month.last >= today:
        raise InvalidInput(f"{month} is not complete yet.", {"month": ["Invoice complete months only."]})
    summary = RunSummary(str(month))
    with new_uow() as uow:
        providers = sorted(set(uow.session.scalars(select(Subscription.organisation_id).distinct()))
                           | set(uow.session.scalars(select(Charge.organisation_id).distinct()))
                           | set(uow.session.scalars(select(ServiceAgreement.organisation_id).distinct())))
    for organisation_id in providers:
        # A concurrent run may have written the same keys first.
        with new_uow() as uow, conflicts(f"Another invoicing run for {month} got there first; this one wrote "
                                         "nothing for the provider. Run it again: it completes what is missing."):
            invoice_provider_month(uow.session, organisation_id, month, today, summary)
            uow.commit()
    return summary


def _candidates(session: Session, organisation_id: int, month: Month) -> list[int]:
    subscribed = session.scalars(select(Subscription.client_id).where(
        Subscription.organisation_id == organisation_id, Subscription.start_date <= month.last,
        or_(Subscription.ends_on.is_(None), Subscription.ends_on > month.first)))
    charged = session.scalars(select(Charge.client_id).where(
        Charge.organisation_id == organisation_id, Charge.invoice_id.is_(None),
        Charge.kind.in_(BILLED_CHARGE_KINDS), Charge.charged_on <= month.last))
    done = session.scalars(select(Invoice.payer_client_id).where(
        Invoice.organisation_id == organisation_id, Invoice.month == str(month),
        Invoice.document_type == "invoice", Invoice.payer_client_id.is_not(None)))
    # a resident whose ward's agreement invoices the client pays their meals there (issue 16)
    on_wards = ward_meals.residents_billed(session, organisation_id, month)
    return sorted((set(subscribed) | set(charged) | on_wards) - set(done))


def invoice_provider_month(session: Session, organisation_id: int, month: Month, today: date,
                           summary: RunSummary) -> None:
    first_run = session.scalar(select(Invoice.id).where(
        Invoice.organisation_id == organisation_id, Invoice.month == str(month)).limit(1)) is None
    vat = vat_percent(rates_on(session, organisation_id, month.first))
    for client_id in _candidates(session, organisation_id, month):
        if _invoice_client(session, organisation_id, client_id, month, today, vat):
            summary.add("client invoices")
    summary.add("cofinancer invoices", invoicing_cofinancers.bill(session, organisation_id, month, today))
    summary.add("facility invoices", bill_facilities(session, organisation_id, month, today, vat))
    summary.add("ledger entries", referrals.accrue(session, organisation_id, month))
    if first_run:  # a month's royalties are accrued once; charges recorded later wait for the next month
        summary.add("ledger entries", royalties.accrue(session, organisation_id, month))


def _invoice_client(session: Session, organisation_id: int, client_id: int, month: Month, today: date,
                    vat: dict[str, Decimal]) -> Invoice | None:
    inputs = gather(session, organisation_id, client_id, month, vat)
    result = compose(inputs.month)
    if not result.lines:
        return None
    client = session.get(Client, client_id)
    assert client is not None
    payer = issuing.Payer("client", client.id, f"{client.given_name} {client.family_name}")
    key = client_key(organisation_id, month, client.id)
    invoice = issuing.write(session, organisation_id, "invoice", key, str(month), payer, result.lines, today,
                            gross=result.gross)
    _settle(session, invoice, inputs, result.applied_redemptions)
    for a in result.allocations:
        voucher = session.get(Voucher, a.reference) if a.kind == "voucher" else None
        session.add(CofinancingAllocation(
            organisation_id=organisation_id, client_invoice_id=invoice.id, client_id=client.id,
            cofinancer_id=a.cofinancer_id, kind=a.kind, month=str(month), amount=a.amount,
            agreement_id=a.reference if a.kind == "share" else None, programme_id=a.programme_id,
            voucher_id=voucher.id if voucher else None))
        if voucher is not None:
            voucher.redeemed_amount, voucher.invoice_id = a.amount, invoice.id
            session.execute(update(VoucherProgramme).where(VoucherProgramme.id == a.programme_id).values(
                redeemed=VoucherProgramme.redeemed + a.amount))
    audit.record(session, SYSTEM, "create", "invoice", invoice.id, client.id,
                 detail={"month": str(month), "source": "invoicing run"}, organisation_id=organisation_id)
    return invoice


def _settle(session: Session, invoice: Invoice, inputs: Inputs,
            applied: tuple[tuple[int, Decimal], ...]) -> None:
    """Mark what this invoice used up, so no later invoice uses it again."""
    for charge in inputs.charges:
        charge.invoice_id = invoice.id
    by_id = {entry.id: entry for entry in inputs.redemptions}
    for entry_id, amount in applied:
        by_id[entry_id].applied = (by_id[entry_id].applied or Decimal("0.00")) + amount
