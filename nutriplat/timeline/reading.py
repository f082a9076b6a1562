"""Use case: a client's timeline between two Brussels days, in time order (audited: a
read of person data). Without dates: the last 90 days up to today."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork
from nutriplat.errors import InvalidInput
from nutriplat.timeline.policy import POLICY
from nutriplat.timeline.sources import SOURCES, Entry, Period

DEFAULT_DAYS = 90
MAX_DAYS = 400  # a year of history and a little more in one request


def period_of(filters: dict[str, Any]) -> tuple[date, date]:
    """The days asked for (``from``, ``to``), validated: both within MAX_DAYS of each other."""
    last: date = filters.get("to") or business_today()
    first: date = filters.get("from") or last - timedelta(days=DEFAULT_DAYS)
    if first > last:
        raise InvalidInput("The period is empty.", {"from": ["Must not be after 'to'."]})
    if (last - first).days > MAX_DAYS:
        raise InvalidInput("The period is too long.", {"from": [f"At most {MAX_DAYS} days before 'to'."]})
    return first, last


def read_timeline(uow: UnitOfWork, actor: Actor, client_id: int, filters: dict[str, Any]) -> list[Entry]:
    POLICY.check(actor, "read_timeline")
    first, last = period_of(filters)
    with uow:
        client = load_client(uow.session, actor, client_id, "view")
        period = Period(client.id, first, last)
        entries = [entry for source in SOURCES for entry in source(uow.session, period)]
        audit.record(uow.session, actor, "read", "timeline", None, client.id,
                     detail={"from": first.isoformat(), "to": last.isoformat()},
                     organisation_id=client.organisation_id)
        uow.commit()
    return sorted(entries, key=lambda e: (e.at, e.kind))
