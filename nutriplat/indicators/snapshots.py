"""The monthly ``indicator-snapshot`` job: each agreement running in the month gets its
report for that month (suppressed rows, as a cofinancer would see them) stored once."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from sqlalchemy import select

from nutriplat.auth.actor import Actor
from nutriplat.billing.domain.months import Month
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.errors import InvalidInput
from nutriplat.indicators import report
from nutriplat.indicators.agreements import load_agreement
from nutriplat.indicators.models import Agreement, IndicatorSnapshot
from nutriplat.indicators.periods import Period


def indicator_snapshot(new_uow: Callable[[], UnitOfWork], month: Month) -> dict[str, int]:
    period = Period.month(month.year, month.month)
    if not period.is_complete(business_today()):
        raise InvalidInput(f"{month} is not complete yet.", {"month": ["Snapshot complete months only."]})
    with new_uow() as uow:
        ids = list(uow.session.scalars(select(Agreement.id).where(
            Agreement.starts_on <= period.end, Agreement.ends_on >= period.start).order_by(Agreement.id)))
    stored = 0
    for agreement_id in ids:
        with new_uow() as uow:
            agreement = uow.session.get(Agreement, agreement_id)
            if agreement is None or uow.session.scalar(select(IndicatorSnapshot.id).where(
                    IndicatorSnapshot.agreement_id == agreement_id,
                    IndicatorSnapshot.period == period.label)):
                continue
            computed = report.compute(uow.session, agreement, [period], utcnow(), business_today())
            uow.session.add(IndicatorSnapshot(agreement_id=agreement_id, period=period.label,
                                              rows=[_json(row) for row in computed.rows]))
            uow.commit()
            stored += 1
    return {"snapshots": stored}


def list_snapshots(uow: UnitOfWork, actor: Actor, agreement_id: int) -> list[IndicatorSnapshot]:
    with uow:
        agreement = load_agreement(uow.session, actor, agreement_id)
        return list(uow.session.scalars(select(IndicatorSnapshot).where(
            IndicatorSnapshot.agreement_id == agreement.id).order_by(IndicatorSnapshot.period)))


def _json(row: report.Row) -> dict[str, Any]:
    exact = ("numerator", "denominator", "value")  # decimals as strings in JSON
    return {key: (None if value is None else str(value)) if key in exact else value
            for key, value in asdict(row).items()}
