"""Read functions other areas call (the timeline): a client's coaching sessions held
(or, not yet held, planned) in a period, with their actions loaded in the same read."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, selectinload

from nutriplat.coaching.models import CoachingSession


def sessions_between(session: Session, client_id: int, start: datetime, end: datetime) -> Sequence[CoachingSession]:
    return session.scalars(select(CoachingSession).options(selectinload(CoachingSession.actions)).where(
        CoachingSession.client_id == client_id,
        or_(CoachingSession.held_at.between(start, end),
            and_(CoachingSession.held_at.is_(None), CoachingSession.planned_for.between(start, end))))).all()
