"""Referrals' handler of the clients area's events (``nutriplat.events``): the referral a
client came from follows the client's status, so the referrer sees the care start and end
without seeing the record. Idempotent: a referral already there is left alone."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from nutriplat import events
from nutriplat.clock import now
from nutriplat.referrals import domain
from nutriplat.referrals.models import Referral

# The client's status → the referral's.
FOLLOWS = {"active": "active", "ended": "ended"}


@events.handles(events.ClientStatusChanged, events.IN_TRANSACTION)
def follow_client_status(uow: Any, event: events.ClientStatusChanged) -> None:
    """An accepted referral becomes active when its client does; any ends with the client."""
    to = FOLLOWS.get(event.to_status)
    if to is None:
        return
    referrals = uow.session.scalars(select(Referral).where(Referral.client_id == event.client_id))
    for referral in referrals:
        if domain.may_move(referral.status, to):
            referral.status = to
            setattr(referral, domain.STAMPS[to], now())
