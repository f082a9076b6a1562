"""Read use cases the dietitian's day needs beyond the API's (no Flask here): the
draft plans awaiting approval, and the names behind a list of client ids. Both
read only visible clients (``clients.access``) and audit each person read."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import visible_clients
from nutriplat.clients.models import Client
from nutriplat.db import UnitOfWork
from nutriplat.mealplans.models import MealPlan


@dataclass(frozen=True)
class DraftPlan:
    plan_id: int
    client_id: int
    client_name: str
    week_start: date
    revision: int


def drafts_to_approve(uow: UnitOfWork, actor: Actor, limit: int = 50) -> list[DraftPlan]:
    """Draft plans of the caller's clients, earliest week first."""
    with uow:
        clients = visible_clients(uow.session, actor).subquery()
        rows = uow.session.execute(
            select(MealPlan, clients.c.given_name, clients.c.family_name, clients.c.organisation_id)
            .join(clients, clients.c.id == MealPlan.client_id)
            .where(MealPlan.status == "draft")
            .order_by(MealPlan.week_start, clients.c.family_name, MealPlan.id).limit(limit)).all()
        audit.record_reads(uow.session, actor, "meal_plan", {(p.client_id, org) for p, _, _, org in rows})
        uow.commit()
        return [DraftPlan(p.id, p.client_id, f"{given} {family}", p.week_start, p.revision)
                for p, given, family, _ in rows]


def client_names(uow: UnitOfWork, actor: Actor, client_ids: Iterable[int]) -> dict[int, str]:
    wanted = set(client_ids)
    if not wanted:
        return {}
    with uow:
        clients = list(uow.session.scalars(
            visible_clients(uow.session, actor).where(Client.id.in_(wanted))))
        audit.record_reads(uow.session, actor, "client", ((c.id, c.organisation_id) for c in clients))
        uow.commit()
        return {c.id: f"{c.given_name} {c.family_name}" for c in clients}
