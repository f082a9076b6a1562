"""The measurements behind an indicator in a period, for its audit sample: the records of
the cohort (as the agreement version in force for the period defines it) that its
definition reads — scale readings (weights), screening forms, GLIM assessments, intake
records and delivered orders (``audit_records.py`` shows each for the second person)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

import pandas as pd
from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from nutriplat.clients.models import IntakeRecord, Measurement
from nutriplat.clock import BRUSSELS, business_today
from nutriplat.db import utcnow
from nutriplat.delivery.models import DeliveryOrder
from nutriplat.indicators import measures, sources
from nutriplat.indicators.aggregate import Definition
from nutriplat.indicators.cohort import select_cohort
from nutriplat.indicators.domain.audit_sample import Item
from nutriplat.indicators.models import Agreement, IndicatorSnapshot
from nutriplat.periods import Period
from nutriplat.screening.models import Assessment, Screening

# indicator source → record kind
AUDITABLE = {"weights": "weight", "screenings": "screening", "assessments": "glim", "intake": "intake",
             "deliveries": "delivery"}
Ids = Callable[[list[int], Period, datetime, datetime], Select[int]]
STATEMENTS: dict[str, Ids] = {
    "weight": lambda cohort, _, start, end: select(Measurement.id).where(
        Measurement.client_id.in_(cohort), Measurement.type == "weight_kg",
        Measurement.measured_at >= start, Measurement.measured_at < end),
    "screening": lambda cohort, period, *_: select(Screening.id).where(
        Screening.client_id.in_(cohort), Screening.performed_on.between(period.start, period.end)),
    "glim": lambda cohort, period, *_: select(Assessment.id).where(
        Assessment.client_id.in_(cohort), Assessment.assessed_on.between(period.start, period.end)),
    "intake": lambda cohort, period, *_: select(IntakeRecord.id).where(
        IntakeRecord.client_id.in_(cohort), IntakeRecord.date.between(period.start, period.end)),
    # the orders the on-time indicator counts as due: not cancelled, delivery day passed
    "delivery": lambda cohort, period, *_: select(DeliveryOrder.id).where(
        DeliveryOrder.client_id.in_(cohort), DeliveryOrder.status != "cancelled",
        DeliveryOrder.delivery_date.between(period.start, min(period.end, _yesterday()))),
}


def _yesterday() -> date:
    return business_today() - timedelta(days=1)


def kinds(definition: Definition) -> list[str]:
    return sorted(AUDITABLE[source] for source in definition.sources() & set(AUDITABLE))


def population(session: Session, agreement: Agreement, cohort_terms: dict[str, Any], definition: Definition,
               period: Period) -> list[Item]:
    """``cohort_terms``: the cohort as the version in force for the period defines it."""
    cohort = [int(c) for c in _cohort(session, agreement, cohort_terms, period)]
    start = datetime.combine(period.start, time(), BRUSSELS)
    end = datetime.combine(period.end + timedelta(days=1), time(), BRUSSELS)
    items: list[Item] = []
    for kind in kinds(definition):
        items += [(kind, i) for i in session.scalars(STATEMENTS[kind](cohort, period, start, end))]
    return items


def _cohort(session: Session, agreement: Agreement, cohort_terms: dict[str, Any], period: Period) -> pd.Index:
    """The cohort as the period's frozen report counted it (its consents of that moment)."""
    made = session.scalar(select(IndicatorSnapshot.computed_at).where(
        IndicatorSnapshot.agreement_id == agreement.id, IndicatorSnapshot.period == period.label))
    prep = measures.prepare(sources.load(session, agreement.organisation_id, [period], business_today()))
    return select_cohort(prep, cohort_terms, made or utcnow(), agreement.starts_on)

