"""Telling people something: ``notify`` stores one notification per recipient in the
caller's transaction (the in-app inbox), grouped under a topic, and queues a delivery
per registered channel that reaches the recipient; the deliveries are sent once the
transaction committed (``handlers``), so a rolled-back change tells nobody anything; a
failed send is tried again by the ``notification-retries`` job (``retries``)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat import events
from nutriplat.auth.models import User
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.notifications import channels
from nutriplat.notifications.models import Notification, NotificationDelivery, NotificationTopic

MAX_ATTEMPTS = 4  # the first send and three retries, then failed for good
BACKOFF = timedelta(hours=1)  # before the first retry; each next pause doubles


@dataclass(frozen=True)
class Message:
    """What to tell: ``topic`` groups the notifications of one matter (acknowledged once,
    for everyone told); ``client_id`` names the person it is about (reads are audited)."""
    kind: str
    topic: str
    subject: str
    body: str
    link: str | None = None
    client_id: int | None = None
    organisation_id: int | None = None
    data: dict[str, Any] = field(default_factory=dict)


def notify(uow: UnitOfWork, user_ids: Iterable[int], message: Message) -> list[Notification]:
    """One notification per active recipient (each once), inside the caller's transaction."""
    session = uow.session
    ids = sorted(set(user_ids))
    users = list(session.scalars(select(User).where(User.id.in_(ids), User.is_active.is_(True))
                                 .order_by(User.id))) if ids else []
    if not users:
        return []
    topic = session.scalar(select(NotificationTopic).where(NotificationTopic.key == message.topic))
    if topic is None:
        topic = NotificationTopic(key=message.topic)
        session.add(topic)
        session.flush()
    notifications = [Notification(
        user_id=user.id, topic=topic, kind=message.kind, subject=message.subject[:200], body=message.body,
        link=message.link, client_id=message.client_id, organisation_id=message.organisation_id,
        data=message.data) for user in users]
    session.add_all(notifications)
    session.flush()
    deliveries = [NotificationDelivery(notification_id=n.id, channel=name, address=address)
                  for n, user in zip(notifications, users, strict=True)
                  for name, channel in sorted(channels.registered().items())
                  if (address := channel.address_of(user)) is not None]
    if deliveries:
        session.add_all(deliveries)
        session.flush()
        uow.record(events.NotificationsQueued(tuple(d.id for d in deliveries)))
    return notifications


def send_pending(uow: UnitOfWork, delivery_ids: Iterable[int]) -> int:
    """Send the deliveries still pending through their channel (a channel no longer
    registered leaves them pending). The number sent."""
    with uow:
        rows = list(uow.session.scalars(select(NotificationDelivery).where(
            NotificationDelivery.id.in_(list(delivery_ids)), NotificationDelivery.status == "pending")
            .order_by(NotificationDelivery.id)))
        sent = attempt(uow.session, rows)
        uow.commit()
    return sent


def attempt(session: Session, rows: Iterable[NotificationDelivery]) -> int:
    """Try each delivery once through its channel: sent, or on a refusal retrying after a
    growing pause until the last attempt, then failed for good with the provider's reason
    (``retries`` tries them again). The number sent."""
    sent = 0
    registered = channels.registered()
    for delivery in rows:
        channel = registered.get(delivery.channel)
        if channel is None:
            continue
        notification = session.get_one(Notification, delivery.notification_id)
        delivery.attempts += 1
        try:
            channel.send(channels.OutgoingMessage(delivery.address, notification.subject,
                                                  notification.body, notification.link))
        except channels.DeliveryFailed as failure:
            delivery.error = str(failure)[:500]
            if delivery.attempts >= MAX_ATTEMPTS:
                delivery.status, delivery.next_attempt_at = "failed", None
            else:
                delivery.status, delivery.next_attempt_at = "retrying", utcnow() + backoff(delivery.attempts)
            continue
        delivery.status, delivery.sent_at, delivery.next_attempt_at = "sent", utcnow(), None
        sent += 1
    return sent


def backoff(attempts: int) -> timedelta:
    """The pause after the ``attempts``-th failed send: it doubles each time."""
    return BACKOFF * 2 ** (attempts - 1)
