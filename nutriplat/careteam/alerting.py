"""Telling the care team of a new alert: the rule's route names the kinds of people, the
client's care team (members whose consent stands) and the provider's staff give the
users, and each is told through the notification interface, in the alert's own
transaction. Once per alert."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth import roles
from nutriplat.auth.models import User
from nutriplat.careteam import domain
from nutriplat.careteam.domain.routing import route_for
from nutriplat.careteam.models import CareAlert, CareAlertRecipient, CareTeamMember
from nutriplat.careteam.routes import routes_of
from nutriplat.clients.models import Client
from nutriplat.db import UnitOfWork
from nutriplat.monitoring.models import Alert
from nutriplat.notifications.sending import Message, notify

KIND = "care_alert"


def tell_care_team(uow: UnitOfWork, alert_id: int) -> CareAlert | None:
    session = uow.session
    alert = session.get(Alert, alert_id)
    if alert is None or session.scalar(select(CareAlert.id).where(CareAlert.alert_id == alert_id)) is not None:
        return None
    client = session.get_one(Client, alert.client_id)
    members = [domain.Member(m.id, m.user_id, m.kind, m.consented) for m in session.scalars(
        select(CareTeamMember).where(CareTeamMember.client_id == client.id).order_by(CareTeamMember.id))]
    kinds = route_for(alert.rule, routes_of(session, client.organisation_id))
    told = domain.recipients(kinds, members, _staff(session, client, alert))
    care_alert = CareAlert(alert_id=alert.id, organisation_id=client.organisation_id, client_id=client.id,
                           rule=alert.rule, raised_on=alert.first_detected_on)
    session.add(care_alert)
    session.flush()
    session.add_all(CareAlertRecipient(care_alert_id=care_alert.id, user_id=user_id, told_as=told_as,
                                       member_id=member_id) for user_id, told_as, member_id in told)
    name = f"{client.given_name} {client.family_name}"
    notifications = notify(uow, [user_id for user_id, _, _ in told], Message(
        kind=KIND, topic=f"{KIND}:{care_alert.id}", subject=f"{name}: {alert.rule.replace('_', ' ')}",
        body=alert.cause, link=f"/app/care-team/alerts#care-alert-{care_alert.id}", client_id=client.id,
        organisation_id=client.organisation_id,
        data={"care_alert_id": care_alert.id, "rule": alert.rule, "severity": alert.severity, "client_name": name}))
    care_alert.topic_id = notifications[0].topic_id if notifications else None
    return care_alert


def _staff(session: Session, client: Client, alert: Alert) -> domain.Staff:
    def active(role: str) -> tuple[int, ...]:
        return tuple(session.scalars(select(User.id).where(
            User.organisation_id == client.organisation_id, User.role == role, User.is_active.is_(True))
            .order_by(User.id)))
    dietitians = (alert.dietitian_id,) if alert.dietitian_id is not None else active(roles.DIETITIAN)
    return domain.Staff(dietitians=dietitians, logistics=active(roles.LOGISTICS))
