"""What the approved plans put on a client's table: per client, day and meal moment the
dish variants and portions. Read by meal service (trays, a client's meals) and by ward
ordering (what a ward's crate must hold)."""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.catalogue.models import DishVariant
from nutriplat.mealplans.models import MealPlan, MealPlanDay, MealPlanItem


@dataclass(frozen=True)
class PlannedDish:
    client_id: int
    day: date
    meal_moment: str
    variant: DishVariant
    portions: float
    plan_profile: dict[str, Any]


def approved_dishes(session: Session, client_ids: Collection[int], start: date, end: date) -> list[PlannedDish]:
    """The dishes of the approved plans of ``client_ids`` on the days ``start`` ≤ day ≤ ``end``,
    by client, day and position in the plan."""
    if not client_ids:
        return []
    rows = session.execute(
        select(MealPlan.client_id, MealPlanDay.date, MealPlanItem.slot, MealPlanItem.portions, DishVariant,
               MealPlan.profile)
        .join(MealPlanDay, MealPlanDay.plan_id == MealPlan.id).join(MealPlanItem, MealPlanItem.day_id == MealPlanDay.id)
        .join(DishVariant, DishVariant.id == MealPlanItem.variant_id)
        .where(MealPlan.client_id.in_(client_ids), MealPlan.status == "approved",
               MealPlanDay.date >= start, MealPlanDay.date <= end)
        .order_by(MealPlan.client_id, MealPlanDay.date, MealPlanItem.position, MealPlanItem.id))
    return [PlannedDish(r.client_id, r.date, r.slot, r[4], r.portions, r.profile) for r in rows]
