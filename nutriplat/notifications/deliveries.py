"""The admin's view of the external sends (e-mail, SMS): each delivery's status, attempts,
next attempt and, once it failed for good, the provider's reason — so someone can fix the
address or reach the person another way. An organisation's admin sees the sends about
its own matters (its clients' alerts, told to GPs too) and to its own users; the platform
admin all. Never the message itself (it may name a client)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.auth.models import User
from nutriplat.db import UnitOfWork
from nutriplat.notifications.models import Notification, NotificationDelivery
from nutriplat.notifications.policy import POLICY
from nutriplat.pagination import page_of

RESOURCE = "notification_delivery"


def list_deliveries(uow: UnitOfWork, actor: Actor, filters: dict[str, Any], page: int, page_size: int | None
                    ) -> tuple[list[dict[str, Any]], int]:
    """Newest first; ``status`` filters (pending, retrying, sent, failed)."""
    POLICY.check(actor, "list_deliveries")
    stmt = (select(NotificationDelivery, User)
            .join(Notification, Notification.id == NotificationDelivery.notification_id)
            .join(User, User.id == Notification.user_id))
    if not actor.is_platform_admin:
        stmt = stmt.where(or_(Notification.organisation_id == actor.organisation_id,
                              User.organisation_id == actor.organisation_id))
    if filters.get("status"):
        stmt = stmt.where(NotificationDelivery.status == filters["status"])
    with uow:
        rows, total = page_of(uow.session, stmt.order_by(NotificationDelivery.id.desc()), page, page_size,
                              tuples=True)
        audit.record(uow.session, actor, "list", RESOURCE, None, detail={"status": filters.get("status")})
        uow.commit()
    return [{"id": d.id, "notification_id": d.notification_id, "recipient_id": u.id,
             "recipient_name": u.display_name or u.username, "channel": d.channel, "address": d.address,
             "status": d.status, "attempts": d.attempts, "next_attempt_at": d.next_attempt_at,
             "sent_at": d.sent_at, "error": d.error} for d, u in rows], total
