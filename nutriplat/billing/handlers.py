"""Billing's handlers of other areas' events, after their commit (``nutriplat.events``).
Each is idempotent: a delivery is billed once (``billed_at``), whoever hands it over; a
subscription that already follows the client's status is left alone."""
from __future__ import annotations

import logging
from typing import Any

from nutriplat import events
from nutriplat.auth.actor import SYSTEM
from nutriplat.billing.delivered_meals import bill_delivery
from nutriplat.billing.domain import timeline
from nutriplat.billing.subscriptions import change_subscription, latest_started, view
from nutriplat.errors import DomainError

log = logging.getLogger(__name__)


@events.handles(events.DeliveryConfirmed, events.AFTER_COMMIT)
def bill_confirmed_delivery(uow: Any, event: events.DeliveryConfirmed) -> None:
    """A delivered order's meals are charged once its confirmation committed."""
    if event.outcome == "delivered":
        bill_delivery(uow, event.actor, event.order_id)


@events.handles(events.DeliveriesLeftUnbilled, events.AFTER_COMMIT)
def bill_left_over(uow: Any, event: events.DeliveriesLeftUnbilled) -> None:
    """The nightly catch-up: a confirmation whose billing failed."""
    for order_id in event.order_ids:
        bill_delivery(uow, event.actor, order_id)


# A client's status → the subscription change that follows it, and the state it follows from.
_FOLLOWS = {"paused": ("pause", timeline.ACTIVE), "active": ("resume", timeline.PAUSED),
            "ended": ("cancel", None)}


@events.handles(events.ClientStatusChanged, events.AFTER_COMMIT)
def follow_client_status(uow: Any, event: events.ClientStatusChanged) -> None:
    """The subscription pauses, resumes or ends on the day the client's status did, so an
    ended client is no longer invoiced. Already so on that day: nothing to do. Where the
    change cannot be made (a month already invoiced, a later change in the way) the
    status change stands and the subscription is left for a person to adjust."""
    kind, from_status = _FOLLOWS.get(event.to_status, (None, None))
    if kind is None:
        return
    with uow:
        subscription = latest_started(uow.session, event.client_id, event.changed_on)
        if subscription is None:
            return
        status, subscription_id = view(subscription, event.changed_on).status, subscription.id
    if status == timeline.CANCELLED or (from_status is not None and status != from_status):
        return
    try:
        change_subscription(uow, SYSTEM, subscription_id, {
            "kind": kind, "effective_on": event.changed_on,
            "reason": f"client {event.to_status}" + (f": {event.reason}" if event.reason else "")})
    except DomainError:
        log.warning("subscription %s did not follow client %s becoming %s on %s", subscription_id,
                    event.client_id, event.to_status, event.changed_on, exc_info=True)
