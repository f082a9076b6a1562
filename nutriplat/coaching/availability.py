"""For billing: which clients had the coaching tool in use in a period (a session held)."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.coaching.models import CoachingSession


def coached_clients(session: Session, client_ids: Iterable[int], first: date, last: date) -> set[int]:
    """Those of ``client_ids`` with a coaching session held between ``first`` and ``last``."""
    ids = list(client_ids)
    return set(session.scalars(select(CoachingSession.client_id).distinct().where(
        CoachingSession.client_id.in_(ids), CoachingSession.status == "held",
        CoachingSession.held_on.between(first, last))))
