"""Skipped delivery days as the nightly reorder sees them: a day the client said no to
takes no delivery, neither a regular nor an extra one (issue 17). The engine reads them
once per group of clients and drops them from the days it may order for."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.inventory.domain.home import DeliverySlot
from nutriplat.inventory.models import SkippedDelivery


def skipped_days(session: Session, client_ids: Iterable[int], since: date) -> dict[int, frozenset[date]]:
    """Per client, the skipped days from ``since`` on (clients without any are left out)."""
    days: dict[int, set[date]] = {}
    for client_id, day in session.execute(select(SkippedDelivery.client_id, SkippedDelivery.delivery_date).where(
            SkippedDelivery.client_id.in_(list(client_ids)), SkippedDelivery.delivery_date >= since)):
        days.setdefault(client_id, set()).add(day)
    return {client_id: frozenset(found) for client_id, found in days.items()}


def without_skipped(slots: Sequence[DeliverySlot], earliest_extra: date, skipped: frozenset[date]
                    ) -> tuple[list[DeliverySlot], date]:
    """The open delivery slots less the skipped days, and the first day an extra delivery
    may come that is not skipped either."""
    while earliest_extra in skipped:
        earliest_extra += timedelta(days=1)
    return [slot for slot in slots if slot.delivery_date not in skipped], earliest_extra
