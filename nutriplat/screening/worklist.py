"""The dietitian's day: who is due for (re)screening, and which instrument fits whom."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, select

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client, visible_clients
from nutriplat.clients.models import Client
from nutriplat.clock import age_on, business_today
from nutriplat.db import UnitOfWork
from nutriplat.pagination import page_of
from nutriplat.screening import domain
from nutriplat.screening.models import Screening
from nutriplat.screening.policy import POLICY

SCREENED_STATUSES = ("referred", "active", "paused")


@dataclass(frozen=True)
class DueEntry:
    client: Client
    next_due: date | None  # None: never screened, due now
    last: Screening | None


def due_clients(clients: Select[tuple[Client]], before: date) -> Select[tuple[Client]]:
    """What "due" means, for the live list and the 06:00 work list alike: the clients
    (among ``clients``) in a screened status whose latest screening's next-due date is
    before ``before``, or who were never screened; most overdue first. The next-due date
    (None: never screened) is the statement's second column."""
    ranked = select(Screening.id, Screening.client_id, Screening.next_due, func.row_number().over(
        partition_by=Screening.client_id,
        order_by=(Screening.performed_at.desc(), Screening.id.desc())).label("rank")).subquery()
    latest = select(ranked).where(ranked.c.rank == 1).subquery()
    return (clients.add_columns(latest.c.next_due)
            .outerjoin(latest, latest.c.client_id == Client.id)
            .where(Client.status.in_(SCREENED_STATUSES))
            .where((latest.c.next_due < before) | (latest.c.id.is_(None)))
            .order_by(latest.c.next_due.asc().nulls_first(), Client.family_name, Client.id))


def due_before(uow: UnitOfWork, actor: Actor, before: date, page: int, page_size: int
               ) -> tuple[list[DueEntry], int]:
    """Clients whose latest screening's next-due date is before ``before``, and clients
    never screened; most overdue first."""
    POLICY.check(actor, "due_before")
    with uow:
        stmt = due_clients(visible_clients(uow.session, actor), before)
        clients, total = page_of(uow.session, stmt, page, page_size)
        entries = [_entry(uow, client) for client in clients]
        audit.record_reads(uow.session, actor, "screening_due", ((c.id, c.organisation_id) for c in clients))
        uow.commit()
        return entries, total


def _entry(uow: UnitOfWork, client: Client) -> DueEntry:
    last = uow.session.scalar(select(Screening).where(Screening.client_id == client.id)
                              .order_by(Screening.performed_at.desc(), Screening.id.desc()).limit(1))
    return DueEntry(client, last.next_due if last else None, last)


def suggestion(uow: UnitOfWork, actor: Actor, client_id: int) -> domain.InstrumentSuggestion:
    POLICY.check(actor, "suggestion")
    with uow:
        client = load_client(uow.session, actor, client_id)
        result = domain.suggest_instrument(client.care_setting, age_on(client.birth_date, business_today()),
                                           "dysphagia" in client.conditions)
        audit.record(uow.session, actor, "read", "screening_suggestion", None, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return result
