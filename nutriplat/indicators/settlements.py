"""Settlement statements: computed for one complete period of an agreement, issued once,
stored with the snapshot they were computed from, and never changed afterwards."""
from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.billing import settlement_invoices
from nutriplat.clock import business_today
from nutriplat.conflicts import flush_or_conflict
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict, InvalidInput, NotFound
from nutriplat.indicators import statement_calculation, versions
from nutriplat.indicators.agreements import load_agreement, party_to
from nutriplat.indicators.models import Agreement, Settlement
from nutriplat.indicators.policy import POLICY
from nutriplat.indicators.settlement_snapshot import build_snapshot
from nutriplat.indicators.versions import in_force
from nutriplat.periods import Period

RESOURCE = "settlement"


def checksum(snapshot: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(snapshot, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def settle(uow: UnitOfWork, actor: Actor, agreement_id: int, period_text: str) -> Settlement:
    POLICY.check(actor, "settle")
    with uow:
        session = uow.session
        agreement = load_agreement(session, actor, agreement_id)
        period = _settleable(session, agreement, period_text)
        version = in_force(agreement, period)
        if version is None:
            raise Conflict(f"The agreement has no accepted version for {period}: an unaccepted agreement pays "
                           "nothing.", {"agreement_id": [f"No version accepted by the cofinancer for {period}."]})
        snapshot = build_snapshot(session, agreement, period, version)
        calculated = statement_calculation.calculate(snapshot)
        invoice = settlement_invoices.invoice_settlement(
            session, agreement.organisation_id, agreement.cofinancer_id, agreement.id, period.label,
            f"{period.end:%Y-%m}", [(line["description"], Decimal(line["amount"])) for line in calculated["lines"]],
            business_today(), actor.user_id)
        settlement = Settlement(invoice=invoice,
                                agreement_id=agreement.id, period=period.label, period_start=period.start,
                                period_end=period.end, status="issued", statement=calculated,
                                total=Decimal(calculated["total"]), snapshot=snapshot,
                                checksum=checksum(snapshot), issued_by=actor.user_id, version=version.version)
        session.add(settlement)
        # A concurrent request may have issued it a moment ago.
        flush_or_conflict(session, f"A statement for {period} is already issued.", {"period": ["Already settled."]})
        audit.record(session, actor, "issue", RESOURCE, settlement.id, detail={"agreement_id": agreement.id},
                     organisation_id=agreement.organisation_id)
        uow.commit()
        return settlement


def _settleable(session: Session, agreement: Agreement, period_text: str) -> Period:
    try:
        period = Period.parse(period_text)
    except ValueError as error:
        raise InvalidInput("The period cannot be settled.", {"period": [str(error)]}) from None
    reasons = []
    if period.kind != agreement.settlement_period:
        reasons.append(f"The agreement settles per {agreement.settlement_period}.")
    if not (agreement.starts_on <= period.start and period.end <= agreement.ends_on):
        reasons.append(f"Must lie within the agreement, {agreement.starts_on} to {agreement.ends_on}.")
    if not period.is_complete(business_today()):
        reasons.append("Only a complete period is settled.")
    if reasons:
        raise InvalidInput("The period cannot be settled.", {"period": reasons})
    for other in session.scalars(select(Settlement).where(Settlement.agreement_id == agreement.id)):
        if Period(other.period_start, other.period_end, period.kind).overlaps(period):
            raise Conflict(f"A statement for {other.period} is already issued and never changes.",
                           {"period": [f"Settled in statement {other.id}."]})
    return period


def list_settlements(uow: UnitOfWork, actor: Actor, agreement_id: int) -> list[Settlement]:
    POLICY.check(actor, "list_settlements")
    with uow:
        agreement = load_agreement(uow.session, actor, agreement_id)
        return list(uow.session.scalars(select(Settlement).where(Settlement.agreement_id == agreement.id)
                                        .order_by(Settlement.period_start)))


def get_settlement(uow: UnitOfWork, actor: Actor, settlement_id: int) -> Settlement:
    POLICY.check(actor, "get_settlement")
    with uow:
        return _load(uow.session, actor, settlement_id)


def verify(uow: UnitOfWork, actor: Actor, settlement_id: int) -> dict[str, Any]:
    """Recompute the statement from its stored snapshot and compare, to the cent."""
    POLICY.check(actor, "verify")
    with uow:
        settlement = _load(uow.session, actor, settlement_id)
        again = statement_calculation.calculate(settlement.snapshot)
        return {"settlement_id": settlement.id, "stored_total": str(settlement.total),
                "recomputed_total": again["total"],
                "checksum_matches": checksum(settlement.snapshot) == settlement.checksum,
                "terms_match": terms_match(settlement.snapshot),
                "matches": again == settlement.statement and Decimal(again["total"]) == settlement.total}


def terms_match(snapshot: dict[str, Any]) -> bool | None:
    """Whether the version's terms in the snapshot are the ones accepted (their checksum);
    None for a snapshot from before snapshots held the terms."""
    stated = snapshot["agreement"]
    return versions.checksum(stated["terms"]) == stated["terms_checksum"] if "terms" in stated else None


def _load(session: Session, actor: Actor, settlement_id: int) -> Settlement:
    settlement = session.get(Settlement, settlement_id)
    if settlement is None or party_to(session, actor, settlement.agreement_id) is None:
        raise NotFound(f"No settlement {settlement_id}.")
    return settlement
