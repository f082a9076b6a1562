"""A dietitian's control over a draft: swap, lock, add or remove an item, then re-optimise
the rest. A changed day is judged again at once, by the planner's own rules."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from nutriplat.auth.actor import Actor
from nutriplat.catalogue.models import DishVariant
from nutriplat.clients.models import Client
from nutriplat.db import UnitOfWork
from nutriplat.errors import ErrorCollector, InvalidInput, NotFound
from nutriplat.mealplans import inputs, safety, services, store
from nutriplat.mealplans.domain import Item, Meal, meals_of, order_key, refusals, standard_portions
from nutriplat.mealplans.domain.rules import SERVINGS_PER_MEAL
from nutriplat.mealplans.models import MealPlan, MealPlanDay, MealPlanItem
from nutriplat.mealplans.policy import POLICY
from nutriplat.mealplans.profiles import domain_profile


def change_item(uow: UnitOfWork, actor: Actor, plan_id: int, item_id: int, data: dict[str, Any]) -> dict[str, Any]:
    POLICY.check(actor, "change_item")
    with uow:
        plan, client = _draft(uow.session, actor, plan_id)
        day, row = _find(plan, item_id)
        before = {"variant_id": row.variant_id, "portions": row.portions, "locked": row.locked}
        if "variant_id" in data or "portions" in data:
            swapped = data.get("variant_id", row.variant_id) != row.variant_id
            variant = _allowed(uow.session, client, data.get("variant_id", row.variant_id), row.slot, swapped)
            row.portions = _portions(uow.session, client, variant, data.get("portions"),
                                     row.portions if not swapped else None)
            row.variant, row.variant_id = variant, variant.id
            row.locked = data.get("locked", True)  # a dietitian's choice is kept when re-optimising
        elif "locked" in data:
            row.locked = data["locked"]
        after = {"variant_id": row.variant_id, "portions": row.portions, "locked": row.locked}
        _rejudge(uow.session, client, plan, day)
        store.record(uow.session, actor, plan, "item_changed", {"item": row.id, "from": before, "to": after})
        return services.finish(uow, actor, client, plan, "update")


def swap_items(uow: UnitOfWork, actor: Actor, plan_id: int, swaps: Mapping[int, int]) -> dict[str, Any]:
    """Several items swapped at once, {item id: variant id} (what a new texture or allergy
    refuses), each by ``change_item``'s rules but unlocked, and each changed day judged once."""
    POLICY.check(actor, "change_item")
    with uow:
        plan, client = _draft(uow.session, actor, plan_id)
        changed: dict[int, MealPlanDay] = {}
        for item_id, variant_id in swaps.items():
            day, row = _find(plan, item_id)
            before = {"variant_id": row.variant_id, "portions": row.portions, "locked": row.locked}
            variant = _allowed(uow.session, client, variant_id, row.slot, current_only=True)
            row.portions = _portions(uow.session, client, variant, None)
            row.variant, row.variant_id, row.locked = variant, variant.id, False
            changed[day.id] = day
            store.record(uow.session, actor, plan, "item_changed", {"item": row.id, "from": before, "to": {
                "variant_id": row.variant_id, "portions": row.portions, "locked": row.locked}})
        for day in changed.values():
            _rejudge(uow.session, client, plan, day)
        return services.finish(uow, actor, client, plan, "update")


def add_item(uow: UnitOfWork, actor: Actor, plan_id: int, data: dict[str, Any]) -> dict[str, Any]:
    POLICY.check(actor, "add_item")
    with uow:
        plan, client = _draft(uow.session, actor, plan_id)
        errors = ErrorCollector()
        day = next((d for d in plan.days if d.date == data["date"]), None)
        if day is None:
            end = plan.week_start + timedelta(days=6)
            errors.add("date", f"Must be in the plan's week, {plan.week_start} to {end}.")
        meal = Meal(data["slot"], data["occurrence"])
        meals = meals_of(domain_profile(uow.session, client).slots)
        if meal not in meals:
            errors.add("slot", f"The client's day has no {meal}; their meals are {', '.join(map(str, meals))}.")
        errors.raise_if_any()
        assert day is not None  # a date outside the week was refused above
        variant = _allowed(uow.session, client, data["variant_id"], meal.slot, current_only=True)
        row = MealPlanItem(position=len(day.items), slot=meal.slot, occurrence=meal.occurrence,
                           variant=variant, variant_id=variant.id, locked=True,
                           portions=_portions(uow.session, client, variant, data.get("portions")))
        day.items.append(row)
        uow.session.flush()
        _rejudge(uow.session, client, plan, day)
        store.record(uow.session, actor, plan, "item_added", {"item": row.id, "variant_id": variant.id,
                                                              "date": day.date.isoformat(), "meal": str(meal)})
        return services.finish(uow, actor, client, plan, "update")


def remove_item(uow: UnitOfWork, actor: Actor, plan_id: int, item_id: int) -> dict[str, Any]:
    POLICY.check(actor, "remove_item")
    with uow:
        plan, client = _draft(uow.session, actor, plan_id)
        day, row = _find(plan, item_id)
        day.items.remove(row)
        _rejudge(uow.session, client, plan, day)
        store.record(uow.session, actor, plan, "item_removed", {"item": item_id, "variant_id": row.variant_id})
        return services.finish(uow, actor, client, plan, "update")


def reoptimise(uow: UnitOfWork, actor: Actor, plan_id: int) -> dict[str, Any]:
    """Plan the week again around the locked items, with today's targets and catalogue."""
    POLICY.check(actor, "reoptimise")
    with uow:
        plan, client = _draft(uow.session, actor, plan_id)
        locked = [row for row in safety.all_items(plan) if row.locked]
        safety.check_items(uow.session, client, locked)
        problem = inputs.problem_for(uow.session, client, plan.week_start, safety.items_of(plan, True))
        services.solve_into(uow.session, plan, problem)
        store.record(uow.session, actor, plan, "reoptimised", {"locked_items": len(locked)})
        return services.finish(uow, actor, client, plan, "update")


def _draft(session: Session, actor: Actor, plan_id: int) -> tuple[MealPlan, Client]:
    plan, client = services.plan_of(session, actor, plan_id)
    services.must_be_draft(plan)
    return plan, client


def _find(plan: MealPlan, item_id: int) -> tuple[MealPlanDay, MealPlanItem]:
    for day in plan.days:
        for row in day.items:
            if row.id == item_id:
                return day, row
    raise NotFound(f"No item {item_id} in meal plan {plan.id}.")


def _allowed(session: Session, client: Client, variant_id: int, slot: str, current_only: bool) -> DishVariant:
    """The variant, if the client may have it at this slot; 422 naming variant_id if not."""
    variant = session.scalar(select(DishVariant).options(joinedload(DishVariant.dish))
                             .where(DishVariant.id == variant_id))
    if variant is None:
        raise InvalidInput("Unknown dish variant.", {"variant_id": [f"No dish variant {variant_id}."]})
    if current_only and not variant.is_current:
        successor = f"; use version {variant.replaced_by_id}" if variant.replaced_by_id else ""
        raise InvalidInput("That variant is no longer offered.",
                           {"variant_id": [f"Dish variant {variant_id} is no longer offered{successor}."]})
    if reasons := refusals(inputs.as_variant(variant), domain_profile(session, client), slot):
        raise InvalidInput("The client may not have this variant.", {"variant_id": reasons})
    return variant


def _portions(session: Session, client: Client, variant: DishVariant, given: float | None,
              kept: float | None = None) -> float:
    domain = inputs.as_variant(variant)
    portions = given if given is not None else kept
    if portions is None:
        return standard_portions(domain, domain_profile(session, client))
    if domain.course in ("drink", "supplement") and (portions % 1 or portions > SERVINGS_PER_MEAL):
        raise InvalidInput("Drinks and supplements come in whole servings.",
                           {"portions": [f"Whole servings, 1 to {SERVINGS_PER_MEAL}."]})
    return portions


def _rejudge(session: Session, client: Client, plan: MealPlan, day: MealPlanDay) -> None:
    problem = safety.stored_problem(session, client, plan)
    index = (day.date - plan.week_start).days
    judged = safety.judge(problem, index)
    day.feasible, day.explanation = judged.feasible, judged.explanation
    key = order_key(problem)
    day.items.sort(key=lambda r: key(Item(index, Meal(r.slot, r.occurrence), r.variant_id, r.portions)))
    for position, row in enumerate(day.items):
        row.position = position
