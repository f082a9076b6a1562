"""Use cases on the rescreening work list: list the tasks of the clients the caller sees."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import visible_clients
from nutriplat.clients.models import Client
from nutriplat.db import UnitOfWork
from nutriplat.pagination import page_of
from nutriplat.screening.policy import POLICY
from nutriplat.screening.rescreening.models import RescreeningTask

RESOURCE = "rescreening_task"
STATUSES = ("open", "done")


@dataclass(frozen=True)
class TaskEntry:
    task: RescreeningTask
    client: Client


def list_tasks(uow: UnitOfWork, actor: Actor, status: str, mine: bool, page: int, page_size: int,
               unassigned_too: bool = False) -> tuple[list[TaskEntry], int]:
    """Open tasks longest due first, or done tasks latest first. ``mine``: the tasks
    assigned to the caller (``unassigned_too``: and those nobody is assigned to)."""
    POLICY.check(actor, "list_tasks")
    with uow:
        clients = visible_clients(uow.session, actor).with_only_columns(Client.id)
        stmt = select(RescreeningTask).where(RescreeningTask.client_id.in_(clients))
        if status == "open":
            stmt = stmt.where(RescreeningTask.done_on.is_(None)).order_by(
                RescreeningTask.due_on, RescreeningTask.listed_on, RescreeningTask.id)
        else:
            stmt = stmt.where(RescreeningTask.done_on.is_not(None)).order_by(
                RescreeningTask.done_on.desc(), RescreeningTask.id.desc())
        if mine:
            assigned = RescreeningTask.dietitian_id == actor.user_id
            stmt = stmt.where(assigned | RescreeningTask.dietitian_id.is_(None) if unassigned_too else assigned)
        tasks, total = page_of(uow.session, stmt, page, page_size)
        by_id = {c.id: c for c in uow.session.scalars(
            select(Client).where(Client.id.in_({t.client_id for t in tasks})))}
        audit.record_reads(uow.session, actor, RESOURCE, {(t.client_id, t.organisation_id) for t in tasks})
        uow.commit()
        return [TaskEntry(t, by_id[t.client_id]) for t in tasks], total
