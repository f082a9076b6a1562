"""The soft goals of a day, added to the objective of a built ``DayModel``."""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

from nutriplat.catalogue.vocabulary import DEFAULT_PREPARATION, KINDS_FOR_PREPARATION
from nutriplat.mealplans.domain import rules
from nutriplat.mealplans.domain.nutrition import cost_cents

if TYPE_CHECKING:
    from nutriplat.mealplans.domain.model import DayModel

NO_REPEAT_DAYS = 3  # no dish twice within this many days


def add_soft_goals(day: DayModel) -> None:
    _no_repeats(day)
    _likes(day)
    _budget(day)


def _no_repeats(day: DayModel) -> None:
    """A dish at most once in every three-day window around this day, counting what is
    already fixed: planned days, locked items (this day's too), the days before the week."""
    free = defaultdict(list)
    for choice in day.choices:
        if rules.varies(choice.variant):
            free[choice.variant.dish_id].append(choice.var)
    for dish, variables in free.items():
        for start in range(day.day - NO_REPEAT_DAYS + 1, day.day + 1):
            already = sum(day.fixed_uses[(d, dish)] for d in range(start, start + NO_REPEAT_DAYS))
            if len(variables) + already > 1:
                excess = day.model.new_int_var(0, len(variables) + already, f"repeat {dish}@{start}")
                day.model.add(cp_model.LinearExpr.sum(variables) + already - 1 <= excess)
                day.penalise(excess, day.weights.repeat)


def _likes(day: DayModel) -> None:
    profile, weights = day.problem.profile, day.weights
    own_kind = KINDS_FOR_PREPARATION[profile.preparation_mode or DEFAULT_PREPARATION][-1]
    for choice in day.choices:
        variant = choice.variant
        if variant.course == "supplement":
            # A supplement is a remedy: planned only where food cannot reach the targets.
            day.penalise(choice.var, weights.supplement)
            continue
        if profile.dislikes and rules.matches(variant, profile.dislikes):
            day.penalise(choice.var, weights.dislike)
        if profile.preferences and rules.matches(variant, profile.preferences):
            day.penalise(choice.var, -weights.preference)
        if variant.kind == own_kind:
            # A client who cooks gets recipes, one who assembles gets components.
            day.penalise(choice.var, -weights.preparation_kind)


def _budget(day: DayModel) -> None:
    """``budget_cents`` is this day's share of what the week has left, locks included."""
    if day.budget_cents is None:
        return
    locked = sum(cost_cents(v, lock.portions) for lock, v in zip(day.locks, day.locked_variants(), strict=True))
    spent = cp_model.LinearExpr.weighted_sum([c.var for c in day.choices],
                                             [cost_cents(c.variant, c.per) for c in day.choices])
    over = day.model.new_int_var(0, 10**9, "over budget")
    day.model.add(spent + locked - over <= day.budget_cents)
    day.penalise(over, day.weights.budget_cent)
