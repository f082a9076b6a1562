"""Use cases of weekly meal plans: make, read, approve, revise, and the history.

A plan is health data: every read and write is audited in the same transaction.
Caregivers (with a view mandate) see approved and superseded plans, not drafts."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.auth import audit, roles
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.clients.models import Client
from nutriplat.db import UnitOfWork, utcnow
from nutriplat.errors import Conflict, NotFound
from nutriplat.mealplans import inputs, safety, store
from nutriplat.mealplans.domain import WeekPlan, WeekProblem, plan_week
from nutriplat.mealplans.models import MealPlan, MealPlanEvent
from nutriplat.mealplans.policy import POLICY
from nutriplat.mealplans.views import approved_events, plan_view, week_view

RESOURCE = "meal_plan"


def create_plan(uow: UnitOfWork, actor: Actor, client_id: int, week_start: date) -> dict[str, Any]:
    POLICY.check(actor, "create_plan")
    with uow:
        client = load_client(uow.session, actor, client_id)
        problem = inputs.problem_for(uow.session, client, week_start)
        plan = store.save_new(uow.session, actor, client.id, week_start, problem,
                              plan_week(problem))
        return finish(uow, actor, client, plan, "create")


def get_plan(uow: UnitOfWork, actor: Actor, plan_id: int) -> dict[str, Any]:
    POLICY.check(actor, "get_plan")
    with uow:
        plan, client = plan_of(uow.session, actor, plan_id)
        return finish(uow, actor, client, plan, "read")


def list_plans(uow: UnitOfWork, actor: Actor, client_id: int, filters: dict[str, Any]) -> list[dict[str, Any]]:
    """The client's plans in full (days, items, nutrients against the targets), newest week first."""
    POLICY.check(actor, "list_plans")
    return _listed(uow, actor, client_id, filters, plan_view, store.LOADED)


def list_weeks(uow: UnitOfWork, actor: Actor, client_id: int, filters: dict[str, Any]) -> list[dict[str, Any]]:
    """The same plans as weeks (id, week, status, revision) without their days and items:
    a page that links to each plan reads a year of plans without loading a year of meals."""
    POLICY.check(actor, "list_plans")
    return _listed(uow, actor, client_id, filters, week_view)


def _listed(uow: UnitOfWork, actor: Actor, client_id: int, filters: dict[str, Any],
            view: Callable[[MealPlan], dict[str, Any]], *options: Any) -> list[dict[str, Any]]:
    with uow:
        client = load_client(uow.session, actor, client_id)
        stmt = select(MealPlan).options(*options).where(MealPlan.client_id == client.id)
        for key in ("week_start", "status"):
            if key in filters:
                stmt = stmt.where(getattr(MealPlan, key) == filters[key])
        if actor.role in roles.PERSONAL:
            stmt = stmt.where(MealPlan.status != "draft")
        plans = [view(p) for p in uow.session.scalars(
            stmt.order_by(MealPlan.week_start.desc(), MealPlan.revision.desc()))]
        audit.record(uow.session, actor, "list", RESOURCE, None, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return plans


def approve(uow: UnitOfWork, actor: Actor, plan_id: int, note: str | None = None) -> dict[str, Any]:
    POLICY.check(actor, "approve")
    with uow:
        plan, client = plan_of(uow.session, actor, plan_id)
        approve_plan(uow.session, actor, client, plan, note)
        return finish(uow, actor, client, plan, "approve")


def approve_plan(session: Session, actor: Actor, client: Client, plan: MealPlan,
                 note: str | None = None) -> None:
    """Draft → approved; the week's previously approved plan is superseded. Refused when
    an item is not allowed (any more), say after a new allergy. The demo loader uses it too."""
    must_be_draft(plan)
    safety.check_items(session, client, safety.all_items(plan))
    plan.status, plan.approved_by, plan.approved_at = "approved", actor.user_id, utcnow()
    store.record(session, actor, plan, "approved", {"note": note} if note else None)
    store.supersede(session, actor, plan, "approved")


def revise(uow: UnitOfWork, actor: Actor, plan_id: int) -> dict[str, Any]:
    """A new draft of an approved (or superseded) week, items and locks copied, to change."""
    POLICY.check(actor, "revise")
    with uow:
        old, client = plan_of(uow.session, actor, plan_id)
        if old.status == "draft":
            raise Conflict("A draft can be changed as it is; revise approved plans.")
        problem = inputs.problem_for(uow.session, client, old.week_start, safety.items_of(old))
        copied = WeekPlan(tuple(safety.judge(problem, day) for day in range(len(problem.targets))),
                          {"status": "COPIED"})
        plan = store.save_new(uow.session, actor, client.id, old.week_start, problem, copied, revises=old)
        return finish(uow, actor, client, plan, "create")


def history(uow: UnitOfWork, actor: Actor, plan_id: int) -> list[dict[str, Any]]:
    """Every event of every revision of this client's week, oldest first."""
    POLICY.check(actor, "history")
    with uow:
        plan, client = plan_of(uow.session, actor, plan_id)
        rows = uow.session.execute(
            select(MealPlanEvent, MealPlan.revision).join(MealPlan, MealPlan.id == MealPlanEvent.plan_id)
            .where(MealPlan.client_id == client.id, MealPlan.week_start == plan.week_start)
            .order_by(MealPlanEvent.at, MealPlanEvent.id))
        events = [{"plan_id": e.plan_id, "revision": revision, "action": e.action, "detail": e.detail,
                   "username": e.username, "at": e.at} for e, revision in rows]
        events = approved_events(events) if actor.role in roles.PERSONAL else events  # no draft work
        audit.record(uow.session, actor, "read", "meal_plan_history", plan.id, client.id,
                     organisation_id=client.organisation_id)
        uow.commit()
        return events


def plan_of(session: Session, actor: Actor, plan_id: int, scope: str = "view") -> tuple[MealPlan, Client]:
    """The plan and its client if the actor may see them; 404 otherwise, as for clients."""
    plan = store.load_plan(session, plan_id)
    try:
        client = load_client(session, actor, plan.client_id, scope)
    except NotFound:
        raise NotFound(f"No meal plan {plan_id}.") from None
    if actor.role in roles.PERSONAL and plan.status == "draft":
        raise NotFound(f"No meal plan {plan_id}.")
    return plan, client


def must_be_draft(plan: MealPlan) -> None:
    if plan.status != "draft":
        raise Conflict(f"The plan is {plan.status}; only a draft changes. Revise it for a new draft.",
                       {"status": [plan.status]})


def solve_into(session: Session, plan: MealPlan, problem: WeekProblem) -> None:
    store.write_week(plan, problem, plan_week(problem))


def finish(uow: UnitOfWork, actor: Actor, client: Client, plan: MealPlan, action: str) -> dict[str, Any]:
    uow.session.flush()
    audit.record(uow.session, actor, action, RESOURCE, plan.id, client.id,
                 organisation_id=client.organisation_id)
    view = plan_view(plan)
    uow.commit()
    return view


def fhir_order(uow: UnitOfWork, actor: Actor, plan_id: int) -> dict[str, Any]:
    """The approved (or superseded) plan's diet as a FHIR NutritionOrder; a draft is no order."""
    POLICY.check(actor, "fhir_order")
    from nutriplat.mealplans.fhir import nutrition_order

    with uow:
        plan, client = plan_of(uow.session, actor, plan_id)
        if plan.status == "draft":
            raise Conflict("A draft is not an order; approve the plan first.", {"status": ["draft"]})
        order = nutrition_order(plan, client).model_dump(mode="json", exclude_none=True)
        audit.record(uow.session, actor, "export", RESOURCE, plan.id, client.id,
                     detail={"format": "fhir"}, organisation_id=client.organisation_id)
        uow.commit()
        return order
