"""Read functions other areas call (the timeline): a client's screenings and diagnoses
in a period, without audit (the caller's use case audits its own read)."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.screening.models import Assessment, Screening


def screenings_between(session: Session, client_id: int, start: datetime, end: datetime) -> Sequence[Screening]:
    return session.scalars(select(Screening).where(
        Screening.client_id == client_id, Screening.performed_at.between(start, end))).all()


def assessments_between(session: Session, client_id: int, start: datetime, end: datetime) -> Sequence[Assessment]:
    return session.scalars(select(Assessment).where(
        Assessment.client_id == client_id, Assessment.assessed_at.between(start, end))).all()
