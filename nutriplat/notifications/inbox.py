"""Use cases of the in-app inbox: one's own notifications, mark one read, acknowledge
its topic for everyone told. Another user's notification is "not found"."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.auth.models import User
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.errors import NotFound
from nutriplat.notifications.models import Notification, NotificationTopic
from nutriplat.notifications.policy import POLICY
from nutriplat.pagination import page_of

RESOURCE = "notification"


def list_notifications(uow: UnitOfWork, actor: Actor, filters: dict[str, Any], page: int,
                       page_size: int | None) -> tuple[list[Notification], int]:
    """The caller's notifications, newest first (``unread``: not read yet)."""
    POLICY.check(actor, "list_notifications")
    with uow:
        stmt = select(Notification).where(Notification.user_id == actor.user_id)
        if filters.get("unread"):
            stmt = stmt.where(Notification.read_at.is_(None))
        if filters.get("kind"):
            stmt = stmt.where(Notification.kind == filters["kind"])
        found, total = page_of(uow.session, stmt.order_by(Notification.created_at.desc(), Notification.id.desc()),
                               page, page_size)
        audit.record_reads(uow.session, actor, RESOURCE, {
            (n.client_id, n.organisation_id) for n in found if n.client_id is not None and n.organisation_id})
        uow.commit()
        return found, total


def mark_read(uow: UnitOfWork, actor: Actor, notification_id: int) -> Notification:
    POLICY.check(actor, "read_notification")
    with uow:
        notification = _own(uow, actor, notification_id)
        notification.read_at = notification.read_at or utcnow()
        _audit(uow, actor, "read", notification)
        uow.commit()
        return notification


def acknowledge(uow: UnitOfWork, actor: Actor, notification_id: int) -> Notification:
    """Someone told is on it: the topic is acknowledged for everyone told (the first
    acknowledgement stands), and the caller's notification is read."""
    POLICY.check(actor, "acknowledge_notification")
    with uow:
        notification = _own(uow, actor, notification_id)
        acknowledge_topic(uow, actor, notification.topic_id)
        notification.read_at = notification.read_at or utcnow()
        _audit(uow, actor, "acknowledge", notification)
        uow.commit()
        return notification


def acknowledge_topic(uow: UnitOfWork, actor: Actor, topic_id: int) -> None:
    """Inside the caller's transaction (also for an area acknowledging its own matter)."""
    topic = uow.session.get_one(NotificationTopic, topic_id, with_for_update=True, populate_existing=True)
    if topic.acknowledged_at is None:
        user = uow.session.get(User, actor.user_id) if actor.user_id is not None else None
        topic.acknowledged_at, topic.acknowledged_by = utcnow(), actor.user_id
        topic.acknowledged_by_name = (user.display_name or user.username) if user else actor.username


def _own(uow: UnitOfWork, actor: Actor, notification_id: int) -> Notification:
    notification = uow.session.scalar(select(Notification).where(
        Notification.id == notification_id, Notification.user_id == actor.user_id))
    if notification is None:
        raise NotFound(f"No notification {notification_id}.")
    return notification


def _audit(uow: UnitOfWork, actor: Actor, action: str, notification: Notification) -> None:
    audit.record(uow.session, actor, action, RESOURCE, notification.id, notification.client_id,
                 organisation_id=notification.organisation_id)
