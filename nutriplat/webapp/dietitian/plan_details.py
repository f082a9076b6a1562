"""What the meal plan page shows beyond the API's plan view (no Flask here): each
item's texture and allergens, and per slot the dishes the client may be swapped to —
judged by the planner's own ``refusals`` rule, the one ``editing`` enforces."""
from __future__ import annotations

from dataclasses import dataclass

from nutriplat.auth.actor import Actor
from nutriplat.db import UnitOfWork
from nutriplat.mealplans import inputs
from nutriplat.mealplans.domain import Variant, refusals
from nutriplat.mealplans.profiles import domain_profile
from nutriplat.mealplans.services import plan_of


@dataclass(frozen=True)
class PlanDetails:
    variants: dict[int, Variant]           # the plan's items, by variant id
    options: dict[str, tuple[Variant, ...]]  # slot -> the variants the client may have there


def plan_details(uow: UnitOfWork, actor: Actor, plan_id: int) -> PlanDetails:
    """Read-only; the plan read itself is audited by ``mealplans.services.get_plan``."""
    with uow:
        plan, client = plan_of(uow.session, actor, plan_id)
        items = [item for day in plan.days for item in day.items]
        profile = domain_profile(uow.session, client)
        catalogue = inputs.current_catalogue(uow.session)
        slots = {item.slot for item in items}
        options = {slot: tuple(v for v in catalogue if not refusals(v, profile, slot))
                   for slot in sorted(slots)}
        return PlanDetails(inputs.variants_by_id(uow.session, {i.variant_id for i in items}),
                           options)
