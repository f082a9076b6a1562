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
transaction each, ``invoicing_slice``), so the job runner can spread them over worker
processes, a provider's slices side by side: each takes its invoice numbers only once its
invoices are composed, in its own transaction (``issuing.reserve``), so the series stays
continuous and a failed slice gives its numbers back. The provider's own invoices and
ledger follow once every slice is done (``finish``)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from nutriplat.billing import invoicing_cofinancers, referrals, royalties, ward_meals
from nutriplat.billing.invoicing_facilities import bill_facilities
from nutriplat.billing.invoicing_slice import invoice_clients
from nutriplat.billing.models import Charge, Invoice, Subscription
from nutriplat.billing.rates import rates_on, vat_percent
from nutriplat.billing.vocabulary import BILLED_CHARGE_KINDS
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
                for key in client_parts(candidates(uow.session, organisation_id, month), f"p{organisation_id}:")]


def invoice_part(new_uow: Callable[[], UnitOfWork], month: Month, key: str,
                 today: date | None = None) -> dict[str, int]:
    """One transaction: the client invoices of one provider's slice of the clients."""
    today = _complete(month, today or business_today())
    organisation_id, (lo, hi) = prefix_id(key), client_range(key)
    summary = RunSummary(str(month))
    # A concurrent run may have written the same keys first.
    with new_uow() as uow, conflicts(f"Another invoicing run for {month} got there first; this one wrote "
                                     "nothing for these clients. Run it again: it completes what is missing."):
        vat = vat_percent(rates_on(uow.session, organisation_id, month.first))
        summary.add("client invoices", invoice_clients(
            uow.session, organisation_id, candidates(uow.session, organisation_id, month, lo, hi), month, today, vat))
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


def candidates(session: Session, organisation_id: int, month: Month, lo: int = 0, hi: int | None = None) -> list[int]:
    """The provider's clients to invoice for ``month`` (of the ids ``lo`` ≤ id < ``hi``)."""
    subscribed = session.scalars(select(Subscription.client_id).where(
        Subscription.organisation_id == organisation_id, Subscription.start_date <= month.last,
        or_(Subscription.ends_on.is_(None), Subscription.ends_on > month.first),
        _within(Subscription.client_id, lo, hi)))
    charged = session.scalars(select(Charge.client_id).where(
        Charge.organisation_id == organisation_id, Charge.invoice_id.is_(None),
        Charge.kind.in_(BILLED_CHARGE_KINDS), Charge.charged_on <= month.last, _within(Charge.client_id, lo, hi)))
    done = session.scalars(select(Invoice.payer_client_id).where(
        Invoice.organisation_id == organisation_id, Invoice.month == str(month),
        Invoice.document_type == "invoice", Invoice.payer_client_id.is_not(None),
        _within(Invoice.payer_client_id, lo, hi)))
    # a resident whose ward's agreement invoices the client pays their meals there (issue 16)
    on_wards = {i for i in ward_meals.residents_billed(session, organisation_id, month)
                if lo <= i and (hi is None or i < hi)}
    return sorted((set(subscribed) | set(charged) | on_wards) - set(done))


def _within(column: ColumnElement[Any] | InstrumentedAttribute[Any], lo: int, hi: int | None) -> ColumnElement[bool]:
    """``lo`` ≤ the client id < ``hi`` (no upper bound without ``hi``)."""
    return and_(column >= lo, column < hi) if hi is not None else column >= lo


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
