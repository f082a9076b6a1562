"""Referral schemes and their monthly accrual on the ledger.

A new client is one whose first subscription starts within a scheme's validity; the
scheme is the referrer's own, else the default one (no referrer). Each month run:
- fixed commission: accrued once, in the first run that sees the client started;
- percentage: accrued per invoiced month, on the client's subscription lines (excluding
  VAT, before third-party shares), for the first N calendar months;
- fund contribution: once per new client, to the scheme's fund (not clawed back);
- clawback: a client whose subscriptions end within the qualifying period takes back
  every commission accrued for them, once, and accrues nothing more.
Every entry has a ``source_key``, so a second run adds nothing."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import SYSTEM, Actor
from nutriplat.auth.models import Organisation
from nutriplat.billing.checks import check_organisation, check_period, provider_of
from nutriplat.billing.domain import commissions
from nutriplat.billing.domain.money import ZERO, total
from nutriplat.billing.models import Invoice, LedgerEntry, ReferralScheme, Subscription
from nutriplat.billing.policy import POLICY
from nutriplat.clients.models import Client
from nutriplat.db import UnitOfWork
from nutriplat.errors import ErrorCollector
from nutriplat.periods import Month
from nutriplat.referrals.models import Referral

SUBSCRIPTION_LINES = ("package", "information_platform", "coaching_tool", "rental")


def list_schemes(uow: UnitOfWork, actor: Actor) -> list[ReferralScheme]:
    POLICY.check(actor, "list_schemes")
    with uow:
        return list(uow.session.scalars(select(ReferralScheme).where(
            ReferralScheme.organisation_id == provider_of(actor)).order_by(ReferralScheme.id)))


def create_scheme(uow: UnitOfWork, actor: Actor, data: dict[str, Any]) -> ReferralScheme:
    POLICY.check(actor, "create_scheme")
    organisation_id = provider_of(actor)
    errors = ErrorCollector()
    fixed = data["commission_kind"] == "fixed"
    needed = ("commission_amount",) if fixed else ("commission_percentage", "commission_months")
    for name in needed:
        if data.get(name) is None:
            errors.add(name, f"Required for a {data['commission_kind']} commission.")
    if data.get("fund_contribution") and data.get("fund_id") is None:
        errors.add("fund_id", "Name the fund that receives the contribution.")
    check_period(errors, data["valid_from"], data.get("valid_until"))
    with uow:
        check_organisation(uow.session, errors, "referrer_id", data.get("referrer_id"), "referrer")
        check_organisation(uow.session, errors, "fund_id", data.get("fund_id"), "fund")
        errors.raise_if_any()
        scheme = ReferralScheme(organisation_id=organisation_id, created_by=actor.user_id, **data)
        uow.session.add(scheme)
        uow.commit()
        return scheme


def _scheme_for(schemes: list[ReferralScheme], referrer_id: int, started_on: date) -> ReferralScheme | None:
    valid = [s for s in schemes if s.valid_from <= started_on
             and (s.valid_until is None or started_on <= s.valid_until)
             and s.referrer_id in (referrer_id, None)]
    valid.sort(key=lambda s: (s.referrer_id is not None, s.valid_from, s.id))
    return valid[-1] if valid else None


def _rule(scheme: ReferralScheme) -> commissions.Scheme:
    return commissions.Scheme(scheme.commission_kind, scheme.commission_amount,
                              scheme.commission_percentage, scheme.commission_months, scheme.qualifying_days)


class _Ledger:
    def __init__(self, session: Session, organisation_id: int, month: Month) -> None:
        self.session, self.organisation_id, self.month, self.added = session, organisation_id, month, 0
        self.keys = set(session.scalars(select(LedgerEntry.source_key).where(
            LedgerEntry.organisation_id == organisation_id)))

    def add(self, key: str, amount: Decimal, **fields: Any) -> None:
        if key in self.keys or not amount:
            return
        self.keys.add(key)
        entry = LedgerEntry(organisation_id=self.organisation_id, source_key=key, amount=amount,
                            direction="payable", month=str(self.month), **fields)
        self.session.add(entry)
        self.session.flush()
        audit.record(self.session, SYSTEM, "create", "ledger_entry", entry.id, entry.client_id,
                     detail={"kind": entry.kind}, organisation_id=self.organisation_id)
        self.added += 1


def _subscription_net(session: Session, organisation_id: int, client_id: int, month: Month) -> Decimal:
    invoice = session.scalar(select(Invoice).where(
        Invoice.organisation_id == organisation_id, Invoice.month == str(month),
        Invoice.document_type == "invoice", Invoice.payer_client_id == client_id))
    return total(line.amount for line in invoice.lines if line.kind in SUBSCRIPTION_LINES) if invoice else ZERO


def accrue(session: Session, organisation_id: int, month: Month) -> int:
    schemes = list(session.scalars(select(ReferralScheme).where(
        ReferralScheme.organisation_id == organisation_id)))
    if not schemes:
        return 0
    ledger = _Ledger(session, organisation_id, month)
    # Referrers earn commissions; a provider that referred its own client does not.
    referred = select(Client).join(Organisation, Organisation.id == Client.referral_organisation_id).where(
        Client.organisation_id == organisation_id, Organisation.type == "referrer")
    for client in session.scalars(referred.order_by(Client.id)):
        subs = list(session.scalars(select(Subscription).where(Subscription.client_id == client.id)
                                    .order_by(Subscription.start_date)))
        if not subs or subs[0].start_date > month.last:
            continue
        started_on = subs[0].start_date
        scheme = _scheme_for(schemes, client.referral_organisation_id or 0, started_on)
        if scheme is not None:
            _accrue_client(session, ledger, scheme, client, started_on, subs[-1].ends_on)
    return ledger.added


def _accrue_client(session: Session, ledger: _Ledger, scheme: ReferralScheme, client: Client,
                   started_on: date, left_on: date | None) -> None:
    rule, month, org = _rule(scheme), ledger.month, ledger.organisation_id
    earned = commissions.earned_on(started_on, rule)
    referrer, key = client.referral_organisation_id or 0, f"{org}:{client.id}"
    common = {"client_id": client.id, "earned_on": earned}
    if scheme.fund_id is not None:
        ledger.add(f"fund-contribution:{key}", scheme.fund_contribution, beneficiary_id=scheme.fund_id,
                   kind="fund_contribution", description=f"Contribution for {_named(session, client)} "
                   f"(started {started_on})", client_id=client.id)
    if f"clawback:{key}" in ledger.keys:
        return
    if commissions.left_early(started_on, left_on, rule) and left_on and left_on <= month.last:
        accrued = session.scalars(select(LedgerEntry.amount).where(
            LedgerEntry.client_id == client.id, LedgerEntry.kind == "referral_commission"))
        ledger.add(f"clawback:{key}", -total(accrued), beneficiary_id=referrer, kind="commission_clawback",
                   description=f"Clawback: {_named(session, client)} left on {left_on}, before {earned}", **common)
        return
    if rule.kind == "fixed":
        amount, entry_key = rule.amount or ZERO, f"commission:{key}"
    else:
        net = _subscription_net(session, org, client.id, month)
        amount = commissions.percentage_commission(rule, started_on, month, net)
        entry_key = f"commission:{key}:{month}"
    ledger.add(entry_key, amount, beneficiary_id=referrer, kind="referral_commission",
               description=f"Referral commission ({scheme.name}): {_named(session, client)}, started {started_on}",
               **common)


def _named(session: Session, client: Client) -> str:
    """How a statement line names the client to the referrer and the fund: by the referral
    it came from, never by the client's id (the record is the provider's)."""
    referral_id = session.scalar(select(Referral.id).where(Referral.client_id == client.id)
                                 .order_by(Referral.id.desc()).limit(1))
    return f"referral {referral_id}" if referral_id is not None else "a directly referred client"
