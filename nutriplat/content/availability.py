"""For billing: which clients had the information platform available in a period (an item
of the library given to them — or to one of their caregivers — by the period's end)."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.content.models import ContentAssignment


def informed_clients(session: Session, client_ids: Iterable[int], last: date) -> set[int]:
    """Those of ``client_ids`` with an item assigned on or before ``last`` (it stays available)."""
    ids = list(client_ids)
    return set(session.scalars(select(ContentAssignment.client_id).distinct().where(
        ContentAssignment.client_id.in_(ids), ContentAssignment.assigned_on <= last)))
