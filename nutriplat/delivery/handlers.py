"""Supply's handlers of the clients area's events (``nutriplat.events``): a client who is
paused or ended, or who leaves home for a hospital or a nursing home, gets no more home
deliveries. Their orders still ``planned`` for the day of the change or later are
cancelled with a reason naming the change; picked, delivered or already cancelled orders
are left alone, so handing the same event over again changes nothing.

In transaction: the cancellations commit (or roll back) with the change itself, so the
route planning and the picking never see a planned order of a client who is no longer
at home, and there is nothing to catch up if a later step failed. A transfer back home
cancels nothing; the nightly reorder orders home deliveries again."""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from nutriplat import events
from nutriplat.auth.actor import SYSTEM
from nutriplat.clients.models import Client
from nutriplat.delivery.cancellation import cancel_planned
from nutriplat.delivery.models import DeliveryOrder

STOPS_DELIVERIES = ("paused", "ended")  # statuses in which nothing is delivered


@events.handles(events.ClientStatusChanged, events.IN_TRANSACTION)
def stop_deliveries_on_status(uow: Any, event: events.ClientStatusChanged) -> None:
    if event.to_status in STOPS_DELIVERIES:
        _cancel_from(uow, event.actor, event.client_id, event.changed_on,
                     f"cancelled: client {event.to_status} on {event.changed_on.isoformat()}")


@events.handles(events.ClientTransferred, events.IN_TRANSACTION)
def stop_deliveries_on_leaving_home(uow: Any, event: events.ClientTransferred) -> None:
    """Ward supply (a hospital's or a nursing home's) comes with a later issue."""
    if event.to_setting != "home":
        _cancel_from(uow, event.actor or SYSTEM, event.client_id, event.transferred_on,
                     f"cancelled: client moved to {event.to_setting.replace('_', ' ')} "
                     f"on {event.transferred_on.isoformat()}")


def _cancel_from(uow: Any, actor: Any, client_id: int, day: date, reason: str) -> None:
    session = uow.session
    planned = list(session.scalars(select(DeliveryOrder.id).where(
        DeliveryOrder.client_id == client_id, DeliveryOrder.status == "planned",
        DeliveryOrder.delivery_date >= day).order_by(DeliveryOrder.id)))
    if planned:
        client = session.get_one(Client, client_id)
        cancel_planned(session, actor, client_id, client.organisation_id, planned, reason)
