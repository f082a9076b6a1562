"""Telling the people around each affected client of a recall (issue 20, item 2): their
dietitian, their caregivers with a mandate still in force and the client's own account,
through the one notification interface, in the recall's transaction."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy.orm import Session

from nutriplat.catalogue.models import DishVariant
from nutriplat.clients.people import client_side_users
from nutriplat.db import UnitOfWork
from nutriplat.notifications.sending import Message, notify
from nutriplat.screening.assigned_dietitian import dietitian_of


def people_around(session: Session, client_id: int) -> set[int]:
    """The user ids told about a matter of this client's home supply."""
    dietitian = dietitian_of(session, client_id)
    return client_side_users(session, client_id) | ({dietitian} if dietitian is not None else set())


def tell_recall(uow: UnitOfWork, recall_id: int, organisation_id: int, variant: DishVariant,
                pickups: Iterable[tuple[int, date | None]]) -> None:
    """One notification per person per client: what was recalled and when it is collected
    (``None``: no delivery schedule, so no pick-up is planned and staff account it by hand)."""
    for client_id, day in pickups:
        when = (f"It is collected and replaced on {day.isoformat()}." if day is not None
                else "No pick-up could be planned: the provider will contact you.")
        notify(uow, people_around(uow.session, client_id), Message(
            kind="recall", topic=f"recall:{recall_id}:client:{client_id}",
            subject=f"Recall: {variant.name}", client_id=client_id, organisation_id=organisation_id,
            body=(f"A lot of {variant.name} delivered for the client (at home or on the ward) was recalled; "
                  f"do not eat it. {when}"),
            data={"recall_id": recall_id, "pickup_on": day.isoformat() if day else None}))
