"""A change of the client's texture, drink level, allergies or preparation mode against
their current plans (drafts and approved weeks not yet over): before it is saved, which
items it makes unsuitable and what would replace each; once saved, the drafts' items are
replaced through ``editing.swap_items`` (change_item's rules, the plan's history). An approved
week is not changed behind the client's back: it needs a new revision."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from nutriplat.auth import audit
from nutriplat.auth.actor import Actor
from nutriplat.clients.access import load_client
from nutriplat.db import UnitOfWork
from nutriplat.mealplans import editing, inputs
from nutriplat.mealplans.domain import Profile, refusals
from nutriplat.mealplans.domain.replacement import replacement
from nutriplat.mealplans.models import MealPlan, MealPlanDay, MealPlanItem
from nutriplat.mealplans.policy import POLICY
from nutriplat.mealplans.profiles import domain_profile

# The client record's field → the planner's profile field.
PROFILE_FIELDS = {"iddsi_food_level": "food_level", "iddsi_drink_level": "drink_level",
                  "allergies": "allergies", "preparation_mode": "preparation_mode"}


@dataclass(frozen=True)
class Unsuitable:
    plan_id: int
    plan_status: str
    day: date
    slot: str
    item_id: int
    dish: str
    reasons: tuple[str, ...]  # the planner's words (English), for the API and the audit
    food_level: str | None  # the item's texture and the allergens that clash, for a page in any language
    drink_level: str | None
    allergens: tuple[str, ...]
    replacement_id: int | None
    replacement: str | None


def changed_profile(profile: Profile, change: dict[str, Any]) -> Profile:
    values = {PROFILE_FIELDS[k]: v for k, v in change.items() if k in PROFILE_FIELDS}
    if "allergies" in values:
        values["allergies"] = frozenset(values["allergies"] or ())
    return replace(profile, **values)


def preview(uow: UnitOfWork, actor: Actor, client_id: int, change: dict[str, Any], today: date) -> list[Unsuitable]:
    """Read only: the items of the client's current plans the change would refuse."""
    POLICY.check(actor, "change_item")
    with uow:
        client = load_client(uow.session, actor, client_id)
        profile = changed_profile(domain_profile(uow.session, client), change)
        plans = uow.session.scalars(
            select(MealPlan).options(selectinload(MealPlan.days).selectinload(MealPlanDay.items)
                                     .selectinload(MealPlanItem.variant))
            .where(MealPlan.client_id == client.id, MealPlan.status.in_(("draft", "approved")),
                   MealPlan.week_start > today - timedelta(days=inputs.WEEK))
            .order_by(MealPlan.week_start, MealPlan.id)).all()
        catalogue = inputs.current_catalogue(uow.session) if plans else ()
        found = []
        for plan in plans:
            for day in sorted(plan.days, key=lambda d: d.date):
                for row in (r for r in day.items if day.date >= today):
                    item = inputs.as_variant(row.variant)
                    if reasons := refusals(item, profile, row.slot):
                        instead = replacement(item, profile, row.slot, catalogue)
                        found.append(Unsuitable(
                            plan.id, plan.status, day.date, row.slot, row.id, item.name, tuple(reasons),
                            item.food_level, item.drink_level, tuple(sorted(item.allergens & profile.allergies)),
                            None if instead is None else instead.id, None if instead is None else instead.name))
        audit.record(uow.session, actor, "read", "meal_plan", client.id, client.id,
                     detail={"diet_change_preview": sorted(change)}, organisation_id=client.organisation_id)
        uow.commit()
        return found


def replace_in_drafts(uow: UnitOfWork, actor: Actor, unsuitable: list[Unsuitable]) -> int:
    """After the record is saved: each draft's items swapped for their replacements
    (``editing.swap_items``: unlocked, so a re-optimisation may still improve on them),
    one transaction per plan; the number of items replaced."""
    by_plan: dict[int, dict[int, int]] = {}
    for u in unsuitable:
        if u.plan_status == "draft" and u.replacement_id is not None:
            by_plan.setdefault(u.plan_id, {})[u.item_id] = u.replacement_id
    for plan_id, swaps in by_plan.items():
        editing.swap_items(uow, actor, plan_id, swaps)
    return sum(len(swaps) for swaps in by_plan.values())
