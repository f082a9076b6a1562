"""The one sending point of the portal: every new message is told here, in the message's
own transaction, through the notification interface (``nutriplat.notifications``: the
in-app inbox now; e-mail or SMS providers plug in behind it). The notice names the
client and the thread, never the message's text."""
from __future__ import annotations

from sqlalchemy import select

from nutriplat.auth import roles
from nutriplat.auth.models import User
from nutriplat.clients.people import client_side_users
from nutriplat.db import UnitOfWork
from nutriplat.notifications.sending import Message, notify
from nutriplat.portal.models import PortalMessage
from nutriplat.screening.assigned_dietitian import dietitian_of


def send(uow: UnitOfWork, message: PortalMessage, sender_id: int | None) -> None:
    """To the dietitian when the client's side wrote; to the client's side otherwise."""
    session = uow.session
    if message.from_client_side:
        # Their dietitian; before anyone screened or weighed them, the provider's dietitians
        # (who see the thread in their day's unread messages too).
        dietitian = dietitian_of(session, message.client_id)
        recipients = {dietitian} if dietitian is not None else set(session.scalars(select(User.id).where(
            User.organisation_id == message.organisation_id, User.role == roles.DIETITIAN)))
    else:
        recipients = client_side_users(session, message.client_id)
    notify(uow, recipients - {sender_id}, Message(
        kind="portal_message", topic=f"portal_message:{message.id}", subject="New message",
        body="There is a new message in the thread.", client_id=message.client_id,
        organisation_id=message.organisation_id, data={"message_id": message.id}))
