"""What the approved plans put on a client's table: per client, day and meal moment the
dish variants and portions. Read by meal service (trays, a client's meals) and by ward
ordering (what a ward's crate must hold).

Read set-based for the nightly ward ordering (thousands of residents): the plan rows as
plain columns, then each distinct variant and plan profile once — not an ORM row and a
decoded JSON profile per planned dish (issue 16's 100 facilities × 10 wards bench)."""
from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.catalogue.models import DishVariant
from nutriplat.mealplans.models import MealPlan, MealPlanDay, MealPlanItem

# Ids per IN list: far below SQLite's and PostgreSQL's bound-parameter limits.
CHUNK = 2000


class PlannedDish(NamedTuple):  # a tuple: hundreds of thousands are made in a night's run
    client_id: int
    day: date
    meal_moment: str
    variant: DishVariant  # shared by every dish of the same variant (read once)
    portions: float
    plan_profile: dict[str, Any]  # shared by every dish of the same plan (read once)


def approved_dishes(session: Session, client_ids: Collection[int], start: date, end: date) -> list[PlannedDish]:
    """The dishes of the approved plans of ``client_ids`` on the days ``start`` ≤ day ≤ ``end``,
    by client, day and position in the plan."""
    ids = sorted(set(client_ids))
    rows = [row for chunk in range(0, len(ids), CHUNK) for row in session.execute(
        select(MealPlan.client_id, MealPlanDay.date, MealPlanItem.slot, MealPlanItem.portions,
               MealPlanItem.variant_id, MealPlan.id)
        .join(MealPlanDay, MealPlanDay.plan_id == MealPlan.id).join(MealPlanItem, MealPlanItem.day_id == MealPlanDay.id)
        .where(MealPlan.client_id.in_(ids[chunk:chunk + CHUNK]), MealPlan.status == "approved",
               MealPlanDay.date >= start, MealPlanDay.date <= end)
        .order_by(MealPlan.client_id, MealPlanDay.date, MealPlanItem.position, MealPlanItem.id))]
    if not rows:
        return []
    variants = {v.id: v for v in session.scalars(select(DishVariant).where(
        DishVariant.id.in_({row[4] for row in rows})))}
    plan_ids = sorted({row[5] for row in rows})
    profiles = {plan_id: profile for chunk in range(0, len(plan_ids), CHUNK)
                for plan_id, profile in session.execute(select(MealPlan.id, MealPlan.profile).where(
                    MealPlan.id.in_(plan_ids[chunk:chunk + CHUNK])))}
    return [PlannedDish(client_id, day, slot, variants[variant_id], portions, profiles[plan_id])
            for client_id, day, slot, portions, variant_id, plan_id in rows]
