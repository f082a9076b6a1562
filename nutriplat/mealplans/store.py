"""Write plans: a solved week into rows, revisions, superseding, and the history."""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from nutriplat.auth.actor import Actor
from nutriplat.catalogue.models import DishVariant
from nutriplat.db import utcnow
from nutriplat.conflicts import flush_or_conflict
from nutriplat.errors import NotFound
from nutriplat.mealplans.domain import DayPlan, WeekPlan, WeekProblem
from nutriplat.mealplans.inputs import week_days
from nutriplat.mealplans.models import MealPlan, MealPlanDay, MealPlanEvent, MealPlanItem
from nutriplat.mealplans.profiles import as_dict

LOADED = (selectinload(MealPlan.days).selectinload(MealPlanDay.items)
          .joinedload(MealPlanItem.variant).joinedload(DishVariant.dish))


def load_plan(session: Session, plan_id: int) -> MealPlan:
    plan = session.scalar(select(MealPlan).options(LOADED).where(MealPlan.id == plan_id))
    if plan is None:
        raise NotFound(f"No meal plan {plan_id}.")
    return plan


def save_new(session: Session, actor: Actor, client_id: int, week_start: date, problem: WeekProblem,
             week: WeekPlan, revises: MealPlan | None = None) -> MealPlan:
    """A new draft revision of the client's week; an older draft of that week is superseded."""
    last = session.scalar(select(func.max(MealPlan.revision)).where(
        MealPlan.client_id == client_id, MealPlan.week_start == week_start)) or 0
    plan = MealPlan(client_id=client_id, week_start=week_start, revision=last + 1, status="draft",
                    profile={}, revises_id=revises.id if revises else None, created_by=actor.user_id)
    write_week(plan, problem, week)
    session.add(plan)
    flush_or_conflict(session, "Another plan for this week was made at the same moment; reload.")
    record(session, actor, plan, "revised" if revises else "created",
           {"revises": revises.id} if revises else None)
    supersede(session, actor, plan, "draft")
    return plan


def write_week(plan: MealPlan, problem: WeekProblem, week: WeekPlan) -> None:
    """Put a solved week into the plan, updating its day rows in place (replacing rows
    would insert a date before deleting it, against the unique date per plan)."""
    plan.profile = as_dict(problem.profile)
    plan.solver = dict(week.solver)
    existing = {day.date: day for day in plan.days}
    for on, solved, targets in zip(week_days(plan.week_start), week.days, problem.targets):
        row = existing.get(on) or MealPlanDay(date=on)
        row.energy_kcal_target = targets.energy_kcal
        row.protein_g_target = targets.protein_g
        row.fluid_ml_target = targets.fluid_ml
        write_day(row, solved)
        if on not in existing:
            plan.days.append(row)


def write_day(row: MealPlanDay, solved: DayPlan) -> None:
    row.feasible, row.explanation = solved.feasible, solved.explanation
    row.items = [MealPlanItem(position=i, slot=item.meal.slot, occurrence=item.meal.occurrence,
                              variant_id=item.variant_id, portions=item.portions, locked=item.locked)
                 for i, item in enumerate(solved.items)]


def supersede(session: Session, actor: Actor, plan: MealPlan, status: str) -> None:
    """The client's other plan of this week in ``status`` gives way to ``plan``."""
    others = session.scalars(select(MealPlan).where(
        MealPlan.client_id == plan.client_id, MealPlan.week_start == plan.week_start,
        MealPlan.status == status, MealPlan.id != plan.id))
    for other in others:
        other.status, other.superseded_at, other.superseded_by_id = "superseded", utcnow(), plan.id
        record(session, actor, other, "superseded", {"by": plan.id})


def record(session: Session, actor: Actor, plan: MealPlan, action: str,
           detail: dict[str, Any] | None = None) -> None:
    session.add(MealPlanEvent(plan_id=plan.id, action=action, detail=detail,
                              user_id=actor.user_id, username=actor.username))
