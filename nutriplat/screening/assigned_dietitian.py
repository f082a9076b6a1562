"""Whose client it is: the dietitian an alert or a re-screening task goes to. Lives in
screening (who screened last) so that monitoring reads it downstream and screening's own
work list does not reach into monitoring."""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nutriplat.auth import roles
from nutriplat.auth.models import User
from nutriplat.clients.models import Measurement
from nutriplat.screening.models import Screening


def dietitian_of(session: Session, client_id: int) -> int | None:
    """The client's dietitian: who screened them last, else who weighed them last."""
    return dietitians_of(session, [client_id]).get(client_id)


def dietitians_of(session: Session, client_ids: Sequence[int]) -> dict[int, int]:
    """``dietitian_of`` for many clients in two queries (a nightly batch, not a query per
    alert); a client with neither is left out."""
    found: dict[int, int] = {}
    for model, when, who in ((Screening, Screening.performed_at, Screening.performed_by),
                             (Measurement, Measurement.measured_at, Measurement.measured_by)):
        wanted = [i for i in client_ids if i not in found]
        if not wanted:
            break
        latest = (select(model.client_id.label("client_id"), who.label("user_id"), func.row_number().over(
            partition_by=model.client_id, order_by=(when.desc(), model.id.desc())).label("n"))
            .join(User, User.id == who).where(model.client_id.in_(wanted), User.role == roles.DIETITIAN)
            .subquery())
        found.update((client_id, user_id) for client_id, user_id in session.execute(
            select(latest.c.client_id, latest.c.user_id).where(latest.c.n == 1)))
    return found


class Owners:
    """The dietitians of a batch of clients, looked up once, on first need."""

    def __init__(self, session: Session, client_ids: Sequence[int]) -> None:
        self._session, self._ids = session, list(client_ids)
        self._found: dict[int, int] | None = None

    def of(self, client_id: int) -> int | None:
        if self._found is None:
            self._found = dietitians_of(self._session, self._ids)
        return self._found.get(client_id)
