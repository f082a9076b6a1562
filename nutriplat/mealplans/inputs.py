"""Read what planning needs from the database as the planner's plain values."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from nutriplat.catalogue.models import Dish, DishVariant
from nutriplat.clients.models import Client
from nutriplat.mealplans.domain import Item, Targets, Variant, WeekProblem
from nutriplat.mealplans.domain.goals import NO_REPEAT_DAYS
from nutriplat.mealplans.models import MealPlan, MealPlanDay, MealPlanItem
from nutriplat.mealplans.profiles import domain_profile
from nutriplat.screening.targets_in_force import targets_for

WEEK = 7


def week_days(week_start: date) -> list[date]:
    return [week_start + timedelta(days=i) for i in range(WEEK)]


def as_variant(row: DishVariant) -> Variant:
    return Variant(id=row.id, dish_id=row.dish_id, name=row.name, kind=row.dish.kind,
                   course=row.dish.course, food_level=row.food_level, drink_level=row.drink_level,
                   allergens=frozenset(row.allergens), slots=frozenset(row.slots),
                   nutrients=row.nutrients, price_eur=row.price_eur, keywords=tuple(row.dish.keywords))


def current_catalogue(session: Session) -> tuple[Variant, ...]:
    rows = session.scalars(select(DishVariant).join(Dish).options(joinedload(DishVariant.dish))
                           .where(DishVariant.retired_at.is_(None), Dish.withdrawn_at.is_(None))
                           .order_by(DishVariant.id))
    return tuple(as_variant(row) for row in rows)


def variants_by_id(session: Session, ids: Iterable[int]) -> dict[int, Variant]:
    rows = session.scalars(select(DishVariant).options(joinedload(DishVariant.dish))
                           .where(DishVariant.id.in_(set(ids))))
    return {row.id: as_variant(row) for row in rows}


def week_targets(session: Session, client: Client, week_start: date) -> tuple[Targets, ...]:
    """Targets in force on each day (an override may start mid-week); raises InvalidInput
    naming weight_kg / height_cm when they were never measured."""
    return tuple(Targets.of(targets_for(session, client, day).effective()) for day in week_days(week_start))


def recent_dishes(session: Session, client_id: int, week_start: date) -> tuple[frozenset[int], ...]:
    """Dishes of the last days of the previous week's approved plan, yesterday first."""
    plan = session.scalar(select(MealPlan).options(
        selectinload(MealPlan.days).selectinload(MealPlanDay.items).joinedload(MealPlanItem.variant))
        .where(MealPlan.client_id == client_id, MealPlan.week_start == week_start - timedelta(days=WEEK),
               MealPlan.status == "approved"))
    if plan is None:
        return ()
    last = sorted(plan.days, key=lambda d: d.date, reverse=True)[:NO_REPEAT_DAYS - 1]
    return tuple(frozenset(item.variant.dish_id for item in day.items) for day in last)


def problem_for(session: Session, client: Client, week_start: date, locks: tuple[Item, ...] = (),
                catalogue: tuple[Variant, ...] | None = None) -> WeekProblem:
    catalogue = current_catalogue(session) if catalogue is None else catalogue
    known = {v.id for v in catalogue}
    kept = variants_by_id(session, {lock.variant_id for lock in locks} - known)
    return WeekProblem(profile=domain_profile(session, client),
                       targets=week_targets(session, client, week_start), catalogue=catalogue,
                       locks=locks, kept_versions=tuple(kept.values()),
                       recent_dishes=recent_dishes(session, client.id, week_start))
