"""The 06:00 ``rescreening-worklist`` job for a day: open tasks whose client has been
screened since the task was listed are closed, then every client due on or before the day
(``worklist.due_clients``, the live list's rule) without an open task is listed once, with
the client's dietitian. Running it twice for a day changes nothing the second time."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from nutriplat.clients.models import Client
from nutriplat.db import UnitOfWork
from nutriplat.parts import client_parts, client_range
from nutriplat.screening.assigned_dietitian import dietitian_of
from nutriplat.screening.models import Screening
from nutriplat.screening.rescreening.models import RescreeningTask
from nutriplat.screening.worklist import due_clients

OPEN = RescreeningTask.done_on.is_(None)


def rescreening_worklist(new_uow: Callable[[], UnitOfWork], day: date) -> dict[str, int]:
    """The whole job in this process: every part, then the count of open tasks (the job
    runner splits it the same way over worker processes when a work queue is configured)."""
    counts = {"listed": 0, "closed": 0}
    for key in worklist_parts(new_uow, day):
        for what, n in worklist_part(new_uow, day, key).items():
            counts[what] += n
    return counts | still_open(new_uow, day)


def worklist_parts(new_uow: Callable[[], UnitOfWork], day: date) -> list[str]:
    """The slices of the client ids holding a client (due or with an open task)."""
    with new_uow() as uow:
        return client_parts(uow.session.scalars(select(Client.id)))


def worklist_part(new_uow: Callable[[], UnitOfWork], day: date, key: str) -> dict[str, int]:
    """One slice of the clients: its tasks done since closed, then its clients due listed."""
    between = client_range(key)
    with new_uow() as uow:
        closed = close_done(uow.session, between=between)
        uow.commit()
    with new_uow() as uow:
        listed = list_due(uow.session, day, between)
        uow.commit()
    return {"listed": listed, "closed": closed}


def still_open(new_uow: Callable[[], UnitOfWork], day: date) -> dict[str, int]:
    with new_uow() as uow:
        return {"still_open": uow.session.scalar(select(func.count()).select_from(RescreeningTask).where(OPEN)) or 0}


def close_done(session: Session, client_id: int | None = None, between: tuple[int, int] | None = None) -> int:
    """Close each open task (of one client, of the ids ``between`` (from, up to), or of all)
    whose client has a screening performed on or after the day the task was listed, with
    the first such screening."""
    stmt = (select(RescreeningTask, Screening.id, Screening.performed_on)
            .join(Screening, (Screening.client_id == RescreeningTask.client_id)
                  & (Screening.performed_on >= RescreeningTask.listed_on))
            .where(OPEN).order_by(RescreeningTask.id, Screening.performed_at, Screening.id))
    if client_id is not None:
        stmt = stmt.where(RescreeningTask.client_id == client_id)
    if between is not None:
        stmt = stmt.where(RescreeningTask.client_id >= between[0], RescreeningTask.client_id < between[1])
    rows = session.execute(stmt).all()
    closed = 0
    for task, screening_id, performed_on in rows:
        if task.done_on is None:  # the first screening of the task's rows closes it
            task.done_screening_id, task.done_on = screening_id, performed_on
            closed += 1
    return closed


def list_due(session: Session, day: date, between: tuple[int, int] | None = None) -> int:
    with_open_task = select(RescreeningTask.client_id).where(OPEN)
    stmt = due_clients(select(Client), day + timedelta(days=1)).where(Client.id.not_in(with_open_task))
    if between is not None:
        stmt = stmt.where(Client.id >= between[0], Client.id < between[1])
    due = session.execute(stmt).all()
    return sum(_list(session, client, next_due or day, day) for client, next_due in due)


def _list(session: Session, client: Client, due_on: date, day: date) -> int:
    task = RescreeningTask(organisation_id=client.organisation_id, client_id=client.id, due_on=due_on,
                           listed_on=day, dietitian_id=dietitian_of(session, client.id))
    try:  # the unique (client, due_on) key: listed already by another run, nothing added
        with session.begin_nested():
            session.add(task)
        return 1
    except IntegrityError:
        return 0
