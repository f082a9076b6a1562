"""The monthly invoicing run: one invoice per payer per month, idempotent.

Per provider: each client with a subscription in the month, unbilled charges or meals served
on a ward whose agreement invoices the client gets one invoice (skipped if it exists); what
cofinancers pay of those invoices is kept as allocations and billed to each cofinancer on one
invoice per month (allocations that arrive after a cofinancer's invoice wait for the next
month); then the ledger accrues commissions, fund contributions and royalties. A second run
finds every invoice and ledger entry in place and changes nothing; a month's royalties accrue
once, in the first run that finds licensed units in it, so charges recorded after it (a
delivery of the month confirmed late) wait for the next month, as a cofinancer's allocations do.

The client invoices are written per slice of a provider's clients (``invoice_part``, one
transaction each), so the job runner can spread them over worker processes; the
provider's own invoices and ledger follow once every slice is done (``finish``)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import SYSTEM
from nutriplat.auth.models import Organisation
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
from nutriplat.parts import client_parts, client_range, prefix_id
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
    """The whole run in this process; the job runner splits it the same way (``parts``,
    ``invoice_part``, ``finish``) over worker processes when a work queue is configured."""
    summary = RunSummary(str(month))
    for key in parts(new_uow, month, today):
        for what, n in invoice_part(new_uow, month, key, today).items():
            summary.add(what, n)
    for what, n in finish(new_uow, month, today).items():
        summary.add(what, n)
    return summary


def parts(new_uow: Callable[[], UnitOfWork], month: Month, today: date | None = None) -> list[str]:
    """Per provider, the slices of the client ids to invoice (``"p3:c2000"``)."""
    _complete(month, today or business_today())
    with new_uow() as uow:
        return [key for organisation_id in _providers(uow.session)
                for key in client_parts(_candidates(uow.session, organisation_id, month), f"p{organisation_id}:")]


def invoice_part(new_uow: Callable[[], UnitOfWork], month: Month, key: str,
                 today: date | None = None) -> dict[str, int]:
    """One transaction: the client invoices of one provider's slice of the clients."""
    today = _complete(month, today or business_today())
    organisation_id, (lo, hi) = prefix_id(key), client_range(key)
    summary = RunSummary(str(month))
    # A concurrent run may have written the same keys first.
    with new_uow() as uow, conflicts(f"Another invoicing run for {month} got there first; this one wrote "
                                     "nothing for these clients. Run it again: it completes what is missing."):
        # One continuous number series per provider: its slices are written one after the
        # other (the provider's row locked until this part commits); other providers' meanwhile.
        uow.session.execute(select(Organisation.id).where(Organisation.id == organisation_id).with_for_update())
        vat = vat_percent(rates_on(uow.session, organisation_id, month.first))
        for client_id in _candidates(uow.session, organisation_id, month):
            if lo <= client_id < hi and _invoice_client(uow.session, organisation_id, client_id, month, today, vat):
                summary.add("client invoices")
        uow.commit()
    return summary.counts


def finish(new_uow: Callable[[], UnitOfWork], month: Month, today: date | None = None) -> dict[str, int]:
    """Per provider, once its clients are invoiced: cofinancer and facility invoices, the ledger."""
    today = _complete(month, today or business_today())
    summary = RunSummary(str(month))
    with new_uow() as uow:
        providers = _providers(uow.session)
    for organisation_id in providers:
        with new_uow() as uow, conflicts(f"Another invoicing run for {month} got there first; this one wrote "
                                         "nothing for the provider. Run it again: it completes what is missing."):
            finish_provider_month(uow.session, organisation_id, month, today, summary)
            uow.commit()
    return summary.counts


def _complete(month: Month, today: date) -> date:
    if month.last >= today:
        raise InvalidInput(f"{month} is not complete yet.", {"month": ["Invoice complete months only."]})
    return today


def _providers(session: Session) -> list[int]:
    return sorted(set(session.scalars(select(Subscription.organisation_id).distinct()))
                  | set(session.scalars(select(Charge.organisation_id).distinct()))
                  | set(session.scalars(select(ServiceAgreement.organisation_id).distinct())))


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


def finish_provider_month(session: Session, organisation_id: int, month: Month, today: date,
                          summary: RunSummary) -> None:
    vat = vat_percent(rates_on(session, organisation_id, month.first))
    summary.add("cofinancer invoices", invoicing_cofinancers.bill(session, organisation_id, month, today))
    summary.add("facility invoices", bill_facilities(session, organisation_id, month, today, vat))
    summary.add("ledger entries", referrals.accrue(session, organisation_id, month))
    # A month's royalties are accrued once, by the run that first finds licensed units in it;
    # charges recorded later wait for the next month.
    if not royalties.accrued(session, organisation_id, month):
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
