"""The monthly ``indicator-snapshot`` job: each agreement whose reporting period (or
baseline) closed with the month gets that period's report frozen, once (``frozen.py``)."""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from nutriplat.auth.actor import Actor
from nutriplat.indicators.policy import POLICY
from nutriplat.periods import Month
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork
from nutriplat.errors import InvalidInput
from nutriplat.indicators import frozen
from nutriplat.indicators.agreements import load_agreement
from nutriplat.indicators.models import Agreement, IndicatorSnapshot
from nutriplat.periods import Period
from nutriplat.indicators.reporting_periods import published_periods


def indicator_snapshot(new_uow: Callable[[], UnitOfWork], month: Month) -> dict[str, int]:
    period = Period.month(month.year, month.month)
    today = business_today()
    if not period.is_complete(today):
        raise InvalidInput(f"{month} is not complete yet.", {"month": ["Snapshot complete months only."]})
    with new_uow() as uow:
        ids = list(uow.session.scalars(select(Agreement.id).order_by(Agreement.id)))
    stored = 0
    for agreement_id in ids:
        with new_uow() as uow:
            agreement = uow.session.get(Agreement, agreement_id)
            closing = [p for p in _published(agreement) if p.end == period.end] if agreement else []
            if agreement is None or not closing:
                continue
            stored += frozen.freeze(uow.session, agreement, closing, today)
            uow.commit()
    return {"snapshots": stored}


def list_snapshots(uow: UnitOfWork, actor: Actor, agreement_id: int) -> list[IndicatorSnapshot]:
    """The frozen reports of the agreement's published periods (never another period)."""
    POLICY.check(actor, "list_snapshots")
    with uow:
        agreement = load_agreement(uow.session, actor, agreement_id)
        labels = [p.label for p in _published(agreement)]
        return list(uow.session.scalars(select(IndicatorSnapshot).where(
            IndicatorSnapshot.agreement_id == agreement.id, IndicatorSnapshot.period.in_(labels),
            IndicatorSnapshot.cohort_clients.is_not(None)).order_by(IndicatorSnapshot.period)))


def _published(agreement: Agreement) -> list[Period]:
    return published_periods(agreement.settlement_period, agreement.starts_on, agreement.ends_on,
                             Period.parse(agreement.baseline_period))
