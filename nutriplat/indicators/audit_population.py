"""The measurements behind an indicator in a period, for its audit sample: the scale
readings (weights) and screening forms of the agreement's cohort that its definition reads."""
from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.clients.models import Measurement
from nutriplat.clock import BRUSSELS, business_today
from nutriplat.db import utcnow
from nutriplat.indicators import measures, sources
from nutriplat.indicators.aggregate import Definition
from nutriplat.indicators.cohort import select_cohort
from nutriplat.indicators.domain.audit_sample import Item
from nutriplat.indicators.models import Agreement, IndicatorSnapshot
from nutriplat.periods import Period
from nutriplat.screening.models import Screening

AUDITABLE = {"weights": "weight", "screenings": "screening"}  # indicator source → record kind


def kinds(definition: Definition) -> list[str]:
    return sorted(AUDITABLE[source] for source in definition.sources() & set(AUDITABLE))


def population(session: Session, agreement: Agreement, definition: Definition, period: Period) -> list[Item]:
    cohort = [int(c) for c in _cohort(session, agreement, period)]
    start = datetime.combine(period.start, time(), BRUSSELS)
    end = datetime.combine(period.end + timedelta(days=1), time(), BRUSSELS)
    items: list[Item] = []
    if "weight" in kinds(definition):
        items += [("weight", i) for i in session.scalars(select(Measurement.id).where(
            Measurement.client_id.in_(cohort), Measurement.type == "weight_kg",
            Measurement.measured_at >= start, Measurement.measured_at < end))]
    if "screening" in kinds(definition):
        items += [("screening", i) for i in session.scalars(select(Screening.id).where(
            Screening.client_id.in_(cohort), Screening.performed_on.between(period.start, period.end)))]
    return items


def _cohort(session: Session, agreement: Agreement, period: Period) -> pd.Index:
    """The cohort as the period's frozen report counted it (its consents of that moment)."""
    made = session.scalar(select(IndicatorSnapshot.computed_at).where(
        IndicatorSnapshot.agreement_id == agreement.id, IndicatorSnapshot.period == period.label))
    prep = measures.prepare(sources.load(session, agreement.organisation_id, [period], business_today()))
    return select_cohort(prep, agreement.cohort, made or utcnow(), agreement.starts_on)


def records(session: Session, sample: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What the second person verifies: the sampled readings and forms, in draw order."""
    weights = {m.id: m for m in session.scalars(select(Measurement).where(
        Measurement.id.in_([s["id"] for s in sample if s["kind"] == "weight"])))}
    forms = {f.id: f for f in session.scalars(select(Screening).where(
        Screening.id.in_([s["id"] for s in sample if s["kind"] == "screening"])))}
    found = []
    for item in sample:
        if item["kind"] == "weight" and (m := weights.get(item["id"])):
            found.append({**item, "client_id": m.client_id, "at": m.measured_at, "value": f"{m.value} kg",
                          "recorded_by": m.measured_by})
        elif item["kind"] == "screening" and (f := forms.get(item["id"])):
            found.append({**item, "client_id": f.client_id, "at": f.performed_at,
                          "value": f"{f.instrument}: {f.risk}", "recorded_by": f.performed_by})
    return found
