"""Monthly statements per organisation, from the ledger: what the provider owes it
(commissions, contributions, royalties) and what it owes the provider (a cofinancer's
shares and funded vouchers). A cofinancer sees only its own, and never a person; a
referrer organisation only its own (its referral commissions)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from nutriplat.auth import audit, roles
from nutriplat.auth.actor import Actor
from nutriplat.auth.models import Organisation
from nutriplat.billing.domain.money import total
from nutriplat.billing.models import LedgerEntry
from nutriplat.billing.policy import POLICY
from nutriplat.db import UnitOfWork
from nutriplat.errors import Forbidden
from nutriplat.periods import Month

# Roles that read only their own organisation's statements (as the beneficiary), and why not another's.
OWN_ONLY = {roles.COFINANCER: "A cofinancer sees only its own statements.",
            roles.REFERRER: "A referrer sees only its own statements.",
            roles.FUND: "The fund sees only its own statements."}


@dataclass(frozen=True)
class Statement:
    organisation: Organisation
    issuer: Organisation
    month: str
    entries: list[LedgerEntry]
    payable_total: Decimal  # the provider owes the organisation
    payable_earned: Decimal  # … of which earned by the month's end (the rest is provisional)
    receivable_total: Decimal  # the organisation owes the provider


def statements(uow: UnitOfWork, actor: Actor, month: Month, organisation_id: int | None) -> list[Statement]:
    POLICY.check(actor, "statements")
    stmt = select(LedgerEntry).where(LedgerEntry.month == str(month))
    if actor.role in OWN_ONLY:
        if organisation_id not in (None, actor.organisation_id):
            raise Forbidden(OWN_ONLY[actor.role])
        stmt = stmt.where(LedgerEntry.beneficiary_id == actor.organisation_id)
    else:
        if actor.organisation_id is not None:
            stmt = stmt.where(LedgerEntry.organisation_id == actor.organisation_id)
        if organisation_id is not None:
            stmt = stmt.where(LedgerEntry.beneficiary_id == organisation_id)
    with uow:
        grouped: dict[tuple[int, int], list[LedgerEntry]] = {}
        for entry in uow.session.scalars(stmt.order_by(LedgerEntry.beneficiary_id, LedgerEntry.id)):
            grouped.setdefault((entry.beneficiary_id, entry.organisation_id), []).append(entry)
        # A commission names the client it is for: reading it is reading about that client.
        audit.record_reads(uow.session, actor, "ledger_entry", {
            (e.client_id, e.organisation_id) for entries in grouped.values() for e in entries if e.client_id})
        found = [_statement(uow, beneficiary, issuer, month, entries)
                 for (beneficiary, issuer), entries in grouped.items()]
        uow.commit()
        return found


def _statement(uow: UnitOfWork, beneficiary: int, issuer: int, month: Month,
               entries: list[LedgerEntry]) -> Statement:
    payable = [e for e in entries if e.direction == "payable"]
    earned = [e for e in payable if e.earned_on is None or e.earned_on <= month.last]
    organisation, provider = uow.session.get(Organisation, beneficiary), uow.session.get(Organisation, issuer)
    assert organisation is not None and provider is not None
    return Statement(organisation, provider, str(month), entries, total(e.amount for e in payable),
                     total(e.amount for e in earned),
                     total(e.amount for e in entries if e.direction == "receivable"))


def balance(uow: UnitOfWork, actor: Actor, until: Month) -> Decimal:
    """What the provider(s) owe the caller's organisation (the development fund) in all
    months up to and including ``until``: its contributions and royalties to date."""
    POLICY.check(actor, "statements")
    if actor.role not in OWN_ONLY:
        raise Forbidden("The balance is the beneficiary's own.")
    with uow:
        amounts = uow.session.scalars(select(LedgerEntry.amount).where(
            LedgerEntry.beneficiary_id == actor.organisation_id, LedgerEntry.direction == "payable",
            LedgerEntry.month <= str(until)))
        return total(amounts)
