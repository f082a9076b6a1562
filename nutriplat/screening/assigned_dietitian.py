"""Whose client it is: the dietitian an alert or a re-screening task goes to. Lives in
screening (who screened last) so that monitoring reads it downstream and screening's own
work list does not reach into monitoring."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth import roles
from nutriplat.auth.models import User
from nutriplat.clients.models import Measurement
from nutriplat.screening.models import Screening


def dietitian_of(session: Session, client_id: int) -> int | None:
    """The client's dietitian: who screened them last, else who weighed them last."""
    for model, when, who in ((Screening, Screening.performed_at, Screening.performed_by),
                             (Measurement, Measurement.measured_at, Measurement.measured_by)):
        user_id = session.scalar(select(who).join(User, User.id == who).where(
            model.client_id == client_id, User.role == roles.DIETITIAN).order_by(when.desc()).limit(1))
        if user_id is not None:
            return user_id
    return None
