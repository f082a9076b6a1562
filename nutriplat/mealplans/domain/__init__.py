"""The pure meal planner: plain values in, a week of meals out (no Flask, no database).

    problem = WeekProblem(profile=Profile(food_level="4", allergies=frozenset({"milk"})),
                          targets=(Targets(1800, 72, 1600),) * 7, catalogue=variants)
    plan = plan_week(problem, SolveOptions(time_limit_s=2))
    plan.days[0].items, plan.days[0].totals, plan.days[0].feasible, plan.days[0].explanation

``refusals(variant, profile, slot)`` says why a variant may not be served (texture,
allergen, preparation mode, supplements, slot); ``evaluate_day`` judges a day whoever
filled it, so a dietitian's swap is checked exactly as the optimiser's choice is.
"""
from nutriplat.mealplans.domain.evaluate import evaluate_day, order_key
from nutriplat.mealplans.domain.model import Weights
from nutriplat.mealplans.domain.nutrition import TARGETED, Bounds, day_units, shortfalls
from nutriplat.mealplans.domain.rules import STRUCTURE, refusals, standard_portions
from nutriplat.mealplans.domain.solve import SolveOptions, plan_week
from nutriplat.mealplans.domain.values import (
    DayPlan,
    Item,
    Meal,
    Profile,
    Targets,
    Variant,
    WeekPlan,
    WeekProblem,
    meals_of,
)

__all__ = [
    "STRUCTURE", "TARGETED", "Bounds", "DayPlan", "Item", "Meal", "Profile", "SolveOptions",
    "Targets", "Variant", "WeekPlan", "WeekProblem", "Weights", "day_units", "evaluate_day", "meals_of",
    "order_key", "plan_week", "refusals", "shortfalls", "standard_portions",
]
