"""The job ``notification-retries``: external sends (e-mail, SMS) a provider refused are
tried again once their pause is over (``sending.attempt``: bounded attempts, doubling
pauses, then failed for good with the reason), and so are deliveries left pending by a
process that stopped before it sent them. Running it twice changes nothing the second
time: a delivery tried is not due again before its next pause is over."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from sqlalchemy import or_, select

from nutriplat.clock import BRUSSELS, now
from nutriplat.db import UnitOfWork
from nutriplat.notifications.models import Notification, NotificationDelivery
from nutriplat.notifications.sending import BACKOFF, attempt


def notification_retries(new_uow: Callable[[], UnitOfWork], day: date) -> dict[str, int]:
    """The deliveries due by now (or by the end of ``day``, for a day gone by)."""
    due_by = min(now(), datetime.combine(day + timedelta(days=1), time(0), tzinfo=BRUSSELS))
    with new_uow() as uow:
        rows = list(uow.session.scalars(
            select(NotificationDelivery).join(Notification, Notification.id == NotificationDelivery.notification_id)
            .where(or_((NotificationDelivery.status == "retrying") & (
                NotificationDelivery.next_attempt_at.is_(None) | (NotificationDelivery.next_attempt_at <= due_by)),
                # sent after commit: one still pending this long after was dropped by a stopped process
                (NotificationDelivery.status == "pending") & (Notification.created_at <= due_by - BACKOFF)))
            .order_by(NotificationDelivery.id)))
        sent = attempt(uow.session, rows)
        counts = {"sent": sent, "retrying": sum(d.status == "retrying" for d in rows),
                  "failed for good": sum(d.status == "failed" for d in rows)}
        uow.commit()
    return counts
