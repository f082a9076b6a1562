"""Read functions other areas call (the timeline): the alerts raised for a client in a
period, without audit (the caller's use case audits its own read)."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.monitoring.models import Alert


def alerts_raised_between(session: Session, client_id: int, start: datetime, end: datetime) -> Sequence[Alert]:
    return session.scalars(select(Alert).where(
        Alert.client_id == client_id, Alert.created_at.between(start, end))).all()
