"""A resident's own subscription pauses while their meals are billed under a care
facility's service agreement (issue 16 item 8), whoever the agreement invoices: with
``invoice_to = facility`` the facility pays; with ``invoice_to = client`` the resident pays
the ward meals on their own invoice, and the subscription's monthly bundle would charge the
same meals twice. It pauses on the day the resident moves onto such a ward, or the day an
agreement starts covering the ward they live on; it resumes when they move home or to a
ward no agreement covers, or the day after the agreement ends. Already so: nothing to do;
where the change cannot be made (a month already invoiced) the move stands and the
subscription is left for a person to adjust, as for a status."""
from __future__ import annotations

import logging
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nutriplat import events
from nutriplat.auth.actor import SYSTEM
from nutriplat.billing.domain import timeline
from nutriplat.billing.models import Subscription
from nutriplat.billing.subscriptions import change_subscription, latest_started, view
from nutriplat.clients.models import CareSettingTransfer, Client
from nutriplat.db import UnitOfWork
from nutriplat.errors import DomainError
from nutriplat.facilities.agreements import agreements_in_force

log = logging.getLogger(__name__)

# Why the pause: its reason ends with one of these, which is how a resume knows the pause
# was the stay's own (a client paused for their own reasons stays paused).
PAUSED_BECAUSE = {"facility": "the facility pays for the meals",
                  "client": "the ward meals are on the client's own invoice"}


def payer_on(session: Session, ward_id: int | None, day: date) -> str | None:
    """Who an agreement in force on ``day`` invoices for the ward's meals (None: no agreement)."""
    if ward_id is None:
        return None
    return next((a.invoice_to for a in agreements_in_force(session, day) if ward_id in a.ward_ids), None)


def paused_for_stay(subscription: Subscription, day: date) -> bool:
    """Whether the pause in force on ``day`` is one a facility stay wrote."""
    last = max((c for c in subscription.changes if c.kind in ("pause", "resume") and c.effective_on <= day),
               key=lambda c: (c.effective_on, c.id), default=None)
    return last is not None and last.kind == "pause" and (last.reason or "").endswith(tuple(PAUSED_BECAUSE.values()))


def follow(uow: UnitOfWork, client_id: int, day: date, why: str, back_home: bool = False) -> None:
    """Pause or resume the client's subscription on ``day`` as their ward's agreement bills
    their meals or not (``back_home``: any pause of a stay ends, as before issue 16)."""
    with uow:
        ward_id, client_status = uow.session.execute(select(Client.ward_id, Client.status).where(
            Client.id == client_id)).one()
        payer = payer_on(uow.session, ward_id, day)
        subscription = latest_started(uow.session, client_id, day)
        if subscription is None:
            return
        status, subscription_id = view(subscription, day).status, subscription.id
        ours = paused_for_stay(subscription, day)
    if payer is not None and status == timeline.ACTIVE:
        kind, reason = "pause", f"{why}: {PAUSED_BECAUSE[payer]}"
    elif (payer is None and status == timeline.PAUSED and client_status == "active"
          and (back_home or ours)):
        kind, reason = "resume", why
    else:
        return
    try:
        change_subscription(uow, SYSTEM, subscription_id, {"kind": kind, "effective_on": day, "reason": reason})
    except DomainError:
        log.warning("subscription %s did not follow client %s (%s) on %s", subscription_id, client_id, why, day,
                    exc_info=True)


@events.handles(events.ClientTransferred, events.AFTER_COMMIT)
def follow_facility_stay(uow: UnitOfWork, event: events.ClientTransferred) -> None:
    follow(uow, event.client_id, event.transferred_on, f"client moved to {event.to_setting.replace('_', ' ')}",
           back_home=event.to_setting == "home" and event.from_setting != "home")


@events.handles(events.ServiceAgreementChanged, events.AFTER_COMMIT)
def follow_agreement(uow: UnitOfWork, event: events.ServiceAgreementChanged) -> None:
    """The residents already living on the agreement's wards: paused from its first day (or
    their arrival, when later), resumed the day after its last."""
    with uow:
        arrived = dict(uow.session.execute(
            select(Client.id, func.max(CareSettingTransfer.transferred_on))
            .outerjoin(CareSettingTransfer, (CareSettingTransfer.client_id == Client.id)
                       & (CareSettingTransfer.ward_id == Client.ward_id))
            .where(Client.ward_id.in_(event.ward_ids))
            .group_by(Client.id).order_by(Client.id)).all())
    for client_id, since in arrived.items():
        on_ward_since = since or event.valid_from  # placed without a recorded move: there from the start
        follow(uow, client_id, max(event.valid_from, on_ward_since),
               f"service agreement {event.agreement_id} covers the ward")
        if event.valid_until is not None and on_ward_since <= event.valid_until:
            follow(uow, client_id, event.valid_until + timedelta(days=1),
                   f"service agreement {event.agreement_id} ended on {event.valid_until.isoformat()}")
