"""Read functions other areas call (the timeline): what happened to a client's meal
plans in a period (made, changed, approved…), each event with its plan."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from nutriplat.mealplans.models import MealPlan, MealPlanEvent


def plan_events_between(session: Session, client_id: int, start: datetime,
                        end: datetime) -> list[tuple[MealPlanEvent, MealPlan]]:
    rows = session.execute(select(MealPlanEvent, MealPlan).join(
        MealPlan, MealPlan.id == MealPlanEvent.plan_id).where(
        MealPlan.client_id == client_id, MealPlanEvent.at.between(start, end)))
    return [(first, second) for first, second in rows]
