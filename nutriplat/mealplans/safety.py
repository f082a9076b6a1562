"""A stored plan against the client as they are now: its items as the planner's values,
and the hard check that no item breaks the prescription or an allergy, whatever changed
since the plan was made."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from nutriplat.clients.models import Client
from nutriplat.errors import Conflict
from nutriplat.mealplans.domain import DayPlan, Item, Meal, Targets, WeekProblem, evaluate_day, refusals
from nutriplat.mealplans.inputs import as_variant, current_catalogue
from nutriplat.mealplans.models import MealPlan, MealPlanItem
from nutriplat.mealplans.profiles import domain_profile


def items_of(plan: MealPlan, only_locked: bool = False) -> tuple[Item, ...]:
    return tuple(Item(day=(day.date - plan.week_start).days, meal=Meal(row.slot, row.occurrence),
                      variant_id=row.variant_id, portions=row.portions, locked=row.locked)
                 for day in plan.days for row in day.items if row.locked or not only_locked)


def check_items(session: Session, client: Client, rows: Iterable[MealPlanItem]) -> None:
    profile = domain_profile(session, client)
    refused = {f"items.{row.id}": reasons for row in rows
               if (reasons := refusals(as_variant(row.variant), profile, row.slot))}
    if refused:
        raise Conflict("Some items are not allowed for this client (any more); swap or unlock them.",
                       refused)


def all_items(plan: MealPlan) -> list[MealPlanItem]:
    return [row for day in plan.days for row in day.items]


def stored_problem(session: Session, client: Client, plan: MealPlan) -> WeekProblem:
    """The plan's items and stored day targets with today's profile and catalogue: what a
    dietitian's change is judged against."""
    return WeekProblem(
        profile=domain_profile(session, client),
        targets=tuple(Targets(d.energy_kcal_target, d.protein_g_target, d.fluid_ml_target)
                      for d in plan.days),
        catalogue=current_catalogue(session), locks=items_of(plan),
        kept_versions=tuple({row.variant_id: as_variant(row.variant) for row in all_items(plan)}.values()))


def judge(problem: WeekProblem, day: int) -> DayPlan:
    """A day made of the problem's fixed items (as a dietitian left them), judged as the
    optimiser's days are."""
    return evaluate_day(problem, day, [item for item in problem.locks if item.day == day], optimised=False)
