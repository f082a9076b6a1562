"""The notifications' own after-commit step: queued deliveries go out through their
channels once the transaction that told people committed (``nutriplat.events``).
Idempotent: only deliveries still pending are sent."""
from __future__ import annotations

from typing import Any

from nutriplat import events
from nutriplat.notifications.sending import send_pending


@events.handles(events.NotificationsQueued, events.AFTER_COMMIT)
def send_queued(uow: Any, event: events.NotificationsQueued) -> None:
    send_pending(uow, event.delivery_ids)
