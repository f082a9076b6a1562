"""The people on a client's own side: their caregivers with a mandate in force and their
own account (role client). Who is told of a matter of the client starts here."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth import roles
from nutriplat.auth.models import User
from nutriplat.clients.models import CaregiverMandate


def client_side_users(session: Session, client_id: int) -> set[int]:
    caregivers = session.scalars(select(CaregiverMandate.caregiver_id).where(
        CaregiverMandate.client_id == client_id, CaregiverMandate.withdrawn_at.is_(None)))
    own = session.scalars(select(User.id).where(User.client_id == client_id, User.role == roles.CLIENT))
    return {*caregivers, *own}
