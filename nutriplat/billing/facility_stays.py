"""A resident's own subscription pauses while a care facility pays for their meals
(issue 16 item 8): moved onto a ward served under an agreement that invoices the
facility, the subscription pauses on the day of the move; back home, it resumes. Already
so: nothing to do; where the change cannot be made (a month already invoiced) the
transfer stands and the subscription is left for a person to adjust, as for a status."""
from __future__ import annotations

import logging

from sqlalchemy import select

from nutriplat import events
from nutriplat.auth.actor import SYSTEM
from nutriplat.billing.domain import timeline
from nutriplat.billing.subscriptions import change_subscription, latest_started, view
from nutriplat.clients.models import Client
from nutriplat.db import UnitOfWork
from nutriplat.errors import DomainError
from nutriplat.facilities.agreements import agreements_in_force

log = logging.getLogger(__name__)


@events.handles(events.ClientTransferred, events.AFTER_COMMIT)
def follow_facility_stay(uow: UnitOfWork, event: events.ClientTransferred) -> None:
    with uow:
        ward_id, client_status = uow.session.execute(select(Client.ward_id, Client.status).where(
            Client.id == event.client_id)).one()
        paid_by_facility = ward_id is not None and any(
            ward_id in a.ward_ids and a.invoice_to == "facility"
            for a in agreements_in_force(uow.session, event.transferred_on))
        subscription = latest_started(uow.session, event.client_id, event.transferred_on)
        if subscription is None:
            return
        status, subscription_id = view(subscription, event.transferred_on).status, subscription.id
    if paid_by_facility and status == timeline.ACTIVE:
        kind = "pause"
    elif (event.to_setting == "home" and event.from_setting != "home" and status == timeline.PAUSED
          and client_status == "active"):  # a client paused for their own reasons stays paused
        kind = "resume"
    else:
        return
    try:
        change_subscription(uow, SYSTEM, subscription_id, {
            "kind": kind, "effective_on": event.transferred_on,
            "reason": f"client moved to {event.to_setting.replace('_', ' ')}"
                      + (": the facility pays for the meals" if kind == "pause" else "")})
    except DomainError:
        log.warning("subscription %s did not follow client %s moving to %s on %s", subscription_id,
                    event.client_id, event.to_setting, event.transferred_on, exc_info=True)
