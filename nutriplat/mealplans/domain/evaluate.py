"""Judge a day by its items, whoever chose them (the optimiser or a dietitian's swap):
totals, whether every hard target and every required course is met, and if not, why."""
from __future__ import annotations

from collections.abc import Callable, Iterable

from nutriplat.catalogue.vocabulary import COURSES
from nutriplat.mealplans.domain import nutrition as n
from nutriplat.mealplans.domain import rules
from nutriplat.mealplans.domain.explain import explain_day
from nutriplat.mealplans.domain.values import DayPlan, Item, Meal, WeekProblem, meals_of


def order_key(problem: WeekProblem) -> Callable[[Item], tuple[int, int, str]]:
    """Items in the order of the day: by meal, then soup, main, dessert, drink, supplement."""
    meals, by_id = meals_of(problem.profile.slots), problem.by_id

    def key(item: Item) -> tuple[int, int, str]:
        variant = by_id[item.variant_id]
        meal = meals.index(item.meal) if item.meal in meals else len(meals)
        return meal, COURSES.index(variant.course), variant.name

    return key


def evaluate_day(problem: WeekProblem, day: int, items: Iterable[Item], optimised: bool = True) -> DayPlan:
    """``optimised``: False when a dietitian's edit, not the optimiser, last filled the day."""
    by_id = problem.by_id
    ordered = tuple(sorted(items, key=order_key(problem)))
    totals = n.day_units(ordered, by_id)
    gaps = n.shortfalls(totals, n.Bounds.of(problem.targets[day]))
    missing = missing_courses(problem, ordered)
    feasible = not gaps.any and not missing
    explanation = None if feasible else explain_day(problem, day, ordered, totals, gaps, missing, optimised)
    return DayPlan(day, ordered, n.as_amounts(totals), feasible, explanation)


def missing_courses(problem: WeekProblem, items: tuple[Item, ...]) -> list[tuple[Meal, str]]:
    """Required courses (the main of a meal, the snack itself) that no item fills."""
    missing = []
    for meal in meals_of(problem.profile.slots):
        courses = [problem.by_id[i.variant_id].course for i in items if i.meal == meal]
        for course, (fewest, _most) in rules.STRUCTURE[meal.slot].items():
            if courses.count(course) < fewest:
                missing.append((meal, course))
    return missing
