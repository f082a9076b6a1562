"""The intake records as stock reads them: which meal slots a client ate on a day, and the
slots they usually eat (``domain.eating``)."""
from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.clients.models import IntakeRecord
from nutriplat.inventory.domain.eating import LOOKBACK_DAYS, usual_slots


def recorded_meals(session: Session, ids: list[int], start: date, end: date) -> dict[tuple[int, date], set[str]]:
    """(client, day) → the slots recorded that day, for the days start..end-1 with records."""
    eaten: dict[tuple[int, date], set[str]] = defaultdict(set)
    for row in session.execute(select(IntakeRecord.client_id, IntakeRecord.date, IntakeRecord.meal_slot)
                               .where(IntakeRecord.client_id.in_(ids), IntakeRecord.date >= start,
                                      IntakeRecord.date < end)):
        eaten[(row.client_id, row.date)].add(row.meal_slot)
    return eaten


def usual_slots_by_client(session: Session, ids: list[int], today: date) -> dict[int, frozenset[str] | None]:
    """Per client, the slots they usually ate over the recent days before ``today``."""
    days: dict[int, list[set[str]]] = defaultdict(list)
    for (client_id, _day), slots in recorded_meals(session, ids, today - timedelta(days=LOOKBACK_DAYS), today).items():
        days[client_id].append(slots)
    return {client_id: usual_slots(days.get(client_id, ())) for client_id in ids}
