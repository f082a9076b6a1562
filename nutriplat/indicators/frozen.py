"""A closed reporting period's report, made once and then served as it was made.

The first time a closed period of an agreement is needed (the monthly job, a report, a
settlement), its suppressed rows are computed over the cohort as it stands then and
stored with the cohort's size; every later report, chart and settlement of the period
reads that snapshot. So a consent withdrawn later — or a record corrected later — can
never make two versions of one period that differ by one person."""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from nutriplat.db import utcnow
from nutriplat.errors import Conflict, DomainError
from nutriplat.indicators import disclosure, report_computation, scope
from nutriplat.indicators.domain.import_problems import REPORT_CHANGED, Problem, refused
from nutriplat.indicators.models import Agreement, IndicatorSnapshot
from nutriplat.periods import Period

EXACT = ("numerator", "denominator", "value")  # decimals as strings in JSON


@dataclass(frozen=True)
class PeriodReport:
    period: str
    rows: list[report_computation.Row]
    cohort_clients: int
    made_at: datetime  # when the cohort was fixed


def period_reports(session: Session, agreement: Agreement, periods: Sequence[Period],
                   today: date) -> dict[str, PeriodReport]:
    """The frozen report of each closed period, made now for those that have none yet."""
    stored = _stored(session, agreement, periods)
    freeze(session, agreement, [p for p in periods if p.label not in stored], today, stored)
    return {label: PeriodReport(label, [_row(row) for row in snapshot.rows], snapshot.cohort_clients or 0,
                                snapshot.computed_at) for label, snapshot in stored.items()}


def freeze(session: Session, agreement: Agreement, periods: Sequence[Period], today: date,
           stored: dict[str, IndicatorSnapshot] | None = None) -> int:
    """Make and store the reports of the periods not frozen yet; how many were made."""
    stored = _stored(session, agreement, periods) if stored is None else stored
    missing = [p for p in dict.fromkeys(periods) if p.label not in stored]
    if any(not p.is_complete(today) for p in missing):
        raise ValueError("Only a closed period is frozen.")  # callers check this first
    if not missing:
        return 0
    for measured, group in _by_scope(session, agreement, missing):
        computed = report_computation.compute(session, agreement, group, utcnow(), today, measured=measured)
        for period in group:
            stored[period.label] = _store(session, agreement, period, computed)
    return len(missing)


def _by_scope(session: Session, agreement: Agreement,
              periods: Sequence[Period]) -> list[tuple[scope.Scope, list[Period]]]:
    """The periods grouped by what the version in force for each measures (a renegotiated
    indicator set or cohort reports from its period on)."""
    groups: dict[str, tuple[scope.Scope, list[Period]]] = {}
    for period in periods:
        measured = scope.of_period(session, agreement, period)
        groups.setdefault(measured.key(), (measured, []))[1].append(period)
    return list(groups.values())


def _store(session: Session, agreement: Agreement, period: Period,
           computed: report_computation.Computation) -> IndicatorSnapshot:
    rows = [_json(row) for row in computed.rows if row.period == period.label]
    snapshot = session.scalar(select(IndicatorSnapshot).where(  # made before periods froze: redone
        IndicatorSnapshot.agreement_id == agreement.id, IndicatorSnapshot.period == period.label))
    try:
        with session.begin_nested():
            if snapshot is None:
                snapshot = IndicatorSnapshot(agreement_id=agreement.id, period=period.label)
                session.add(snapshot)
            snapshot.rows, snapshot.cohort_clients, snapshot.computed_at = rows, computed.cohort_size, utcnow()
    except IntegrityError:  # a concurrent request froze it a moment ago: serve that one
        snapshot = session.scalar(select(IndicatorSnapshot).where(
            IndicatorSnapshot.agreement_id == agreement.id, IndicatorSnapshot.period == period.label))
        assert snapshot is not None  # the other request's row: the reason of the IntegrityError
    return snapshot


def _stored(session: Session, agreement: Agreement, periods: Sequence[Period]) -> dict[str, IndicatorSnapshot]:
    return {s.period: s for s in session.scalars(select(IndicatorSnapshot).where(
        IndicatorSnapshot.agreement_id == agreement.id,
        IndicatorSnapshot.period.in_([p.label for p in periods]),
        IndicatorSnapshot.cohort_clients.is_not(None)))}


def _json(row: report_computation.Row) -> dict[str, Any]:
    return {key: (None if value is None else str(value)) if key in EXACT else value
            for key, value in asdict(row).items()}


def _row(stored: dict[str, Any]) -> report_computation.Row:
    values: dict[str, Any] = {key: (None if value is None else Decimal(value)) if key in EXACT else value
                              for key, value in stored.items()}
    return report_computation.Row(**values)


def remake(session: Session, agreement: Agreement, snapshot: IndicatorSnapshot, today: date,
           imported: set[str]) -> None:
    """Make a frozen period again, over the cohort as it stood when it was first made (the
    consents of that moment), for the figures a cofinancer's file brought to the indicators
    in ``imported``. Every other row stays as it was published (what was hidden stays
    hidden; a shared pattern may hide more). A row that would show another number — a
    record corrected since — or a table the disclosure proof rejects refuses the remake:
    the two versions of the period would differ by a person."""
    period = Period.parse(snapshot.period)
    computed = report_computation.compute(session, agreement, [period], snapshot.computed_at, today,
                                          measured=scope.of_period(session, agreement, period))
    before = {(row["indicator"], json.dumps(row["disaggregation"], sort_keys=True)): row for row in snapshot.rows}
    rows = []
    for row in (_json(row) for row in computed.rows if row.period == period.label):
        old = before.pop((row["indicator"], json.dumps(row["disaggregation"], sort_keys=True)), None)
        if row["indicator"] not in imported:
            if old is None or (not old["suppressed"] and not row["suppressed"] and row != old):
                raise _changed(Problem("report_changed", {"period": period.label, "indicator": row["indicator"]}))
            row = old if old["suppressed"] else row  # what was hidden stays hidden
        rows.append(row)
    if any(indicator not in imported for indicator, _ in before):
        raise _changed(Problem("report_breakdown_changed", {"period": period.label}))
    if disclosure.exposed([_row(row) for row in rows]):
        raise refused(Conflict, f"With the source's figures, {period.label} would expose a person; it stays as it was.",
                      {"file": [Problem("report_exposes", {"period": period.label})]}, REPORT_CHANGED)
    snapshot.rows = rows


def _changed(problem: Problem) -> DomainError:
    return refused(Conflict, f"The records behind {problem.params['period']} changed since its report was made, so it "
                   "cannot be made again with the source's figures without exposing a person.",
                   {"file": [problem]}, REPORT_CHANGED)
