"""A source's figures usually arrive after a period has closed and its report was frozen:
the frozen reports of the periods an import covers are made again (``frozen.remake``),
unless a period is settled already — an issued statement never changes."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.errors import Conflict
from nutriplat.indicators import frozen, scope
from nutriplat.indicators.domain.import_problems import SETTLED, Problem, refused
from nutriplat.indicators.method import NATIVE
from nutriplat.indicators.models import Agreement, IndicatorSnapshot, Settlement
from nutriplat.indicators.reporting_periods import reporting_periods
from nutriplat.periods import Period


def touched(agreement: Agreement, months: Sequence[str]) -> list[str]:
    """The labels of the agreement's reported periods (and baseline) holding any of the months."""
    periods = [*reporting_periods(agreement.settlement_period, agreement.starts_on, agreement.ends_on),
               Period.parse(agreement.baseline_period)]
    return sorted({p.label for p in periods if any(m.label in months for m in p.months())})


def refuse_settled(session: Session, agreement: Agreement, months: Sequence[str]) -> None:
    settled = sorted(session.scalars(select(Settlement.period).where(
        Settlement.agreement_id == agreement.id, Settlement.period.in_(touched(agreement, months)))))
    if settled:
        raise refused(Conflict, f"{', '.join(settled)} is settled; its figures never change.",
                      {"file": [Problem("settled", {"period": label}) for label in settled]}, SETTLED)


def refreeze(session: Session, agreement: Agreement, months: Sequence[str], today: date) -> int:
    """Remake the frozen reports the new figures fall in; how many were remade."""
    snapshots = session.scalars(select(IndicatorSnapshot).where(
        IndicatorSnapshot.agreement_id == agreement.id, IndicatorSnapshot.period.in_(touched(agreement, months)),
        IndicatorSnapshot.cohort_clients.is_not(None))).all()
    for snapshot in snapshots:
        # the indicators the version in force for the period counts from a cofinancer
        imported = {item.definition.code for item in scope.of_period(
            session, agreement, Period.parse(snapshot.period)).indicators if item.data_source != NATIVE}
        frozen.remake(session, agreement, snapshot, today, imported)
    return len(snapshots)
