"""Settlement statements: computed for one complete period of an agreement, issued once,
stored with the snapshot they were computed from, and never changed afterwards."""
from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork
from nutriplat.errors import Conflict, InvalidInput, NotFound
from nutriplat.indicators import frozen, report, statement, terms
from nutriplat.indicators.agreements import load_agreement, visible
from nutriplat.indicators.models import Agreement, Settlement
from nutriplat.indicators.periods import Period
from nutriplat.indicators.suppression import THRESHOLD

RESOURCE = "settlement"


def plain(number: Decimal) -> str:
    """80.0000 → "80", 0.5000 → "0.5" (never "8E+1")."""
    return format(number.normalize(), "f")


def checksum(snapshot: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(snapshot, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def settle(uow: UnitOfWork, actor: Actor, agreement_id: int, period_text: str) -> Settlement:
    with uow:
        session = uow.session
        agreement = load_agreement(session, actor, agreement_id)
        period = _settleable(session, agreement, period_text)
        snapshot = build_snapshot(session, agreement, period)
        calculated = statement.calculate(snapshot)
        settlement = Settlement(agreement_id=agreement.id, period=period.label, period_start=period.start,
                                period_end=period.end, status="issued", statement=calculated,
                                total=Decimal(calculated["total"]), snapshot=snapshot,
                                checksum=checksum(snapshot), issued_by=actor.user_id)
        session.add(settlement)
        try:
            session.flush()
        except IntegrityError:  # a concurrent request issued it a moment ago
            raise Conflict(f"A statement for {period} is already issued.",
                           {"period": ["Already settled."]}) from None
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


def build_snapshot(session: Session, agreement: Agreement, period: Period) -> dict[str, Any]:
    """Every figure the payment rules read, as exact strings: the totals of the period's and
    the baseline's frozen reports, suppressed exactly as there (a hidden total is null)."""
    baseline, today = Period.parse(agreement.baseline_period), business_today()
    found = frozen.period_reports(session, agreement, [p for p in dict.fromkeys([baseline, period])
                                                       if p.is_complete(today)], today)
    made = found[period.label]
    if made.cohort_clients < THRESHOLD:
        raise InvalidInput("The cohort is too small to settle without exposing a person.",
                           {"agreement_id": [f"Fewer than {THRESHOLD} clients have consented to reporting."]})
    totals = {(label, row.indicator): row for label, each in found.items() for row in each.rows
              if not row.disaggregation}
    hidden = {key for key, row in totals.items() if row.suppressed}
    labels = {"period": period.label, "baseline": baseline.label}
    for code, which in terms.needed_figures([{"kind": r.kind, "params": r.params} for r in agreement.rules]):
        if (labels[which], code) in hidden:
            raise Conflict(f"The settlement of {period} needs {code} for {labels[which]}, which the report "
                           f"suppresses (fewer than {THRESHOLD} clients, or the cells that would reveal them).",
                           {"period": [f"{code} {labels[which]}: suppressed; it cannot be settled on."]})
    targets = {item.definition.code: item.target for item in agreement.indicators}

    def figure(label: str, code: str) -> dict[str, str] | None:
        row = totals.get((label, code))
        if row is None or row.suppressed:
            return None
        return {"numerator": str(row.numerator), "denominator": str(row.denominator)}

    return {
        "agreement": {"id": agreement.id, "name": agreement.name,
                      "starts_on": agreement.starts_on.isoformat(), "ends_on": agreement.ends_on.isoformat()},
        "period": period.label, "baseline_period": baseline.label, "as_of": made.made_at.isoformat(),
        "cohort_clients": made.cohort_clients,
        "indicators": [{"code": d.code, "version": d.version, "name": d.name, "unit": d.unit,
                        "multiplier": d.multiplier, "decimals": d.decimals,
                        "higher_is_better": d.higher_is_better,
                        "target": None if targets[d.code] is None else plain(targets[d.code]),
                        "period": figure(period.label, d.code), "baseline": figure(baseline.label, d.code),
                        "suppressed": [which for which, label in labels.items() if (label, d.code) in hidden]}
                       for d in report.definitions_of(agreement)],
        "rules": [{"position": r.position, "kind": r.kind, "params": r.params} for r in agreement.rules],
        "start_budget_paid_before": session.scalar(
            select(Settlement.id).where(Settlement.agreement_id == agreement.id).limit(1)) is not None,
    }


def list_settlements(uow: UnitOfWork, actor: Actor, agreement_id: int) -> list[Settlement]:
    with uow:
        agreement = load_agreement(uow.session, actor, agreement_id)
        return list(uow.session.scalars(select(Settlement).where(Settlement.agreement_id == agreement.id)
                                        .order_by(Settlement.period_start)))


def get_settlement(uow: UnitOfWork, actor: Actor, settlement_id: int) -> Settlement:
    with uow:
        return _load(uow.session, actor, settlement_id)


def verify(uow: UnitOfWork, actor: Actor, settlement_id: int) -> dict[str, Any]:
    """Recompute the statement from its stored snapshot and compare, to the cent."""
    with uow:
        settlement = _load(uow.session, actor, settlement_id)
        again = statement.calculate(settlement.snapshot)
        return {"settlement_id": settlement.id, "stored_total": str(settlement.total),
                "recomputed_total": again["total"],
                "checksum_matches": checksum(settlement.snapshot) == settlement.checksum,
                "matches": again == settlement.statement and Decimal(again["total"]) == settlement.total}


def _load(session: Session, actor: Actor, settlement_id: int) -> Settlement:
    settlement = session.get(Settlement, settlement_id)
    if settlement is None or session.scalar(visible(session, actor).where(
            Agreement.id == settlement.agreement_id)) is None:
        raise NotFound(f"No settlement {settlement_id}.")
    return settlement
