"""Use cases on care alerts: the alerts a caller was told of (the provider's care staff:
their organisation's), and acknowledging one — shared with everyone told, like the
dietitian's acknowledgement of the alert itself."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from nutriplat.auth import audit, roles
from nutriplat.auth.actor import Actor
from nutriplat.auth.models import User
from nutriplat.careteam.models import CareAlert, CareAlertRecipient
from nutriplat.careteam.policy import POLICY
from nutriplat.clients.models import Client
from nutriplat.db import UnitOfWork
from nutriplat.errors import NotFound
from nutriplat.monitoring.models import Alert
from nutriplat.notifications.inbox import acknowledge_topic
from nutriplat.notifications.models import NotificationTopic
from nutriplat.pagination import page_of

RESOURCE = "care_alert"
STAFF = (roles.ADMIN, roles.DIETITIAN)


def _visible(actor: Actor) -> Select[CareAlert]:
    told = select(CareAlertRecipient.care_alert_id).where(CareAlertRecipient.user_id == actor.user_id)
    if actor.role in STAFF:
        if actor.is_platform_admin:
            return select(CareAlert)
        return select(CareAlert).where((CareAlert.organisation_id == actor.organisation_id) | CareAlert.id.in_(told))
    return select(CareAlert).where(CareAlert.id.in_(told))


def list_care_alerts(uow: UnitOfWork, actor: Actor, filters: dict[str, Any], page: int, page_size: int | None
                     ) -> tuple[list[dict[str, Any]], int]:
    POLICY.check(actor, "list_care_alerts")
    with uow:
        stmt = _visible(actor)
        if filters.get("client_id") is not None:
            stmt = stmt.where(CareAlert.client_id == filters["client_id"])
        found, total = page_of(uow.session, stmt.order_by(CareAlert.raised_on.desc(), CareAlert.id.desc()),
                               page, page_size)
        audit.record_reads(uow.session, actor, RESOURCE, {(a.client_id, a.organisation_id) for a in found})
        views = views_of(uow.session, found)
        uow.commit()
        return views, total


def acknowledge(uow: UnitOfWork, actor: Actor, care_alert_id: int) -> dict[str, Any]:
    """Anyone told (or the provider's care staff) acknowledges for everyone told."""
    POLICY.check(actor, "acknowledge_care_alert")
    with uow:
        care_alert = uow.session.scalar(_visible(actor).where(CareAlert.id == care_alert_id))
        if care_alert is None:
            raise NotFound(f"No care alert {care_alert_id}.")
        if care_alert.topic_id is None:  # nobody was told: the alert's own acknowledgement stands alone
            topic = NotificationTopic(key=f"care_alert:{care_alert.id}")
            uow.session.add(topic)
            uow.session.flush()
            care_alert.topic_id = topic.id
        acknowledge_topic(uow, actor, care_alert.topic_id)
        audit.record(uow.session, actor, "acknowledge", RESOURCE, care_alert.id, care_alert.client_id,
                     organisation_id=care_alert.organisation_id)
        view = views_of(uow.session, [care_alert])[0]
        uow.commit()
        return view


def views_of(session: Session, care_alerts: list[CareAlert]) -> list[dict[str, Any]]:
    """What everyone told reads: the alert, its state, who was told and who acknowledged
    (on the team's notifications, or the dietitian on the alert itself, whichever came first)."""
    alerts = {a.id: a for a in session.scalars(select(Alert).where(Alert.id.in_([c.alert_id for c in care_alerts])))}
    # Only the columns shown: a whole Client would selectin-load the ward rooms of the residents
    # on the page, one statement more when the page holds one (the N+1 guard's 9 v 10).
    clients = {c.id: c for c in session.execute(select(
        Client.id, Client.given_name, Client.family_name, Client.birth_date).where(
        Client.id.in_({c.client_id for c in care_alerts})))}
    topics = {t.id: t for t in session.scalars(select(NotificationTopic).where(
        NotificationTopic.id.in_([c.topic_id for c in care_alerts if c.topic_id is not None])))}
    user_ids = {r.user_id for c in care_alerts for r in c.recipients} | {
        a.acknowledged_by for a in alerts.values() if a.acknowledged_by is not None}
    names = {u.id: u.display_name or u.username for u in session.scalars(select(User).where(User.id.in_(user_ids)))}
    views = []
    for care_alert in care_alerts:
        alert, client = alerts[care_alert.alert_id], clients[care_alert.client_id]
        topic = topics.get(care_alert.topic_id) if care_alert.topic_id is not None else None
        acks: list[tuple[datetime, str]] = []
        if topic is not None and topic.acknowledged_at is not None:
            acks.append((topic.acknowledged_at, topic.acknowledged_by_name or ""))
        if alert.acknowledged_at is not None:
            acks.append((alert.acknowledged_at, names.get(alert.acknowledged_by or 0, "")))
        first = min(acks) if acks else (None, None)
        views.append({
            "id": care_alert.id, "alert_id": alert.id, "client_id": client.id,
            "client_name": f"{client.given_name} {client.family_name}", "client_birth_date": client.birth_date,
            "rule": alert.rule, "severity": alert.severity, "cause": alert.cause, "status": alert.status,
            "raised_on": care_alert.raised_on, "acknowledged_at": first[0], "acknowledged_by_name": first[1],
            "told": [{"told_as": r.told_as, "name": names.get(r.user_id, "")} for r in care_alert.recipients]})
    return views
