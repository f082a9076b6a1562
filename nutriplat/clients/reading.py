"""Read functions other areas call (the timeline): a client's weights and intake in a
period, without audit (the caller's use case audits its own read)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nutriplat.clients.models import IntakeRecord, Measurement


@dataclass(frozen=True)
class DayIntake:
    """One day's recorded meals summed up."""
    date: date
    meals: int
    mean_percent_eaten: float
    fluid_ml: int | None


def weights_between(session: Session, client_id: int, start: datetime, end: datetime) -> Sequence[Measurement]:
    return session.scalars(select(Measurement).where(
        Measurement.client_id == client_id, Measurement.type == "weight_kg",
        Measurement.measured_at.between(start, end))).all()


def intake_by_day(session: Session, client_id: int, first: date, last: date) -> list[DayIntake]:
    rows = session.execute(select(
        IntakeRecord.date, func.count(), func.avg(IntakeRecord.percent_eaten), func.sum(IntakeRecord.fluid_ml),
    ).where(IntakeRecord.client_id == client_id, IntakeRecord.date.between(first, last))
        .group_by(IntakeRecord.date))
    return [DayIntake(day, meals, float(eaten), None if fluid is None else int(fluid))
            for day, meals, eaten, fluid in rows]
