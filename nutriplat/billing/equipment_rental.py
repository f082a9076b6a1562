"""The rental line follows the installed assets (equipment's ``EquipmentMoved``, after
commit): on the day an asset of a rental tariff is installed, collected or swapped, the
client's subscription rents as many of that tariff as stand at the home that day. The
timeline prorates per day, so the tariff runs from install day up to collect day (the
collect day itself is not billed). Idempotent: a subscription that already rents that
many is left alone; where the change cannot be made (a month already invoiced, no rental
tariff of that code) the move stands and the subscription is left for a person."""
from __future__ import annotations

import logging
from typing import Any

from nutriplat import events
from nutriplat.auth.actor import SYSTEM
from nutriplat.billing.domain import timeline
from nutriplat.billing.subscriptions import change_subscription, latest_started, view
from nutriplat.equipment.rental import installed_count
from nutriplat.errors import DomainError

log = logging.getLogger(__name__)


@events.handles(events.EquipmentMoved, events.AFTER_COMMIT)
def follow_installed_equipment(uow: Any, event: events.EquipmentMoved) -> None:
    with uow:
        subscription = latest_started(uow.session, event.client_id, event.on)
        if subscription is None:
            return
        current = view(subscription, event.on)
        count = installed_count(uow.session, event.client_id, event.tariff_code, event.on)
        if current.status == timeline.CANCELLED or current.rentals.get(event.tariff_code, 0) == count:
            return
        subscription_id = subscription.id
    try:
        change_subscription(uow, SYSTEM, subscription_id, {
            "kind": "set_rental", "appliance": event.tariff_code, "quantity": count, "effective_on": event.on,
            "reason": f"{count} installed on {event.on.isoformat()}"})
    except DomainError:
        log.warning("subscription %s did not follow client %s's %s equipment on %s", subscription_id,
                    event.client_id, event.tariff_code, event.on, exc_info=True)
