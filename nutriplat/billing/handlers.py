"""Billing's handlers of other areas' events, after their commit (``nutriplat.events``).
Each is idempotent: a delivery is billed once (``billed_at``), whoever hands it over."""
from __future__ import annotations

from typing import Any

from nutriplat import events
from nutriplat.billing.delivered_meals import bill_delivery


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

