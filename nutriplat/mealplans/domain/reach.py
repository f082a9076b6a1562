"""The most (or least) of one nutrient a day can hold with what the client may have.

Exact for one nutrient at a time: courses of a meal are independent, so picking the
richest allowed variant for every free place is the best a day can do. The explanation
of an infeasible day compares this with the target: if even the richest day falls short,
the catalogue (as the prescription and allergies filter it) is the cause."""
from __future__ import annotations

from nutriplat.mealplans.domain import nutrition as n
from nutriplat.mealplans.domain import rules
from nutriplat.mealplans.domain.values import Item, Variant, WeekProblem, meals_of


def allowed(problem: WeekProblem) -> list[Variant]:
    return [v for v in problem.catalogue if not rules.refusals(v, problem.profile)]


def richest_day(problem: WeekProblem, nutrient: str, locks: tuple[Item, ...]) -> int:
    """The highest total of ``nutrient`` (tenths) a day with these locked items can reach."""
    by_id, options = problem.by_id, allowed(problem)
    total = sum(n.units(by_id[lock.variant_id], nutrient, lock.portions) for lock in locks)
    best_supplements = []
    for meal in meals_of(problem.profile.slots):
        locked = [lock for lock in locks if lock.meal == meal]
        courses = [by_id[lock.variant_id].course for lock in locked]

        def values(course: str, slot: str) -> list[int]:
            return sorted((n.units(v, nutrient, rules.standard_portions(v, problem.profile)) for v in options
                           if v.course == course and slot in v.slots), reverse=True)

        for course, (_fewest, most) in rules.STRUCTURE[meal.slot].items():
            total += sum(values(course, meal.slot)[:max(0, most - courses.count(course))])
        drinks = values("drink", meal.slot)
        if drinks and courses.count("drink") < rules.DRINKS_PER_MEAL:
            poured = sum(lock.portions for lock in locked if by_id[lock.variant_id].course == "drink")
            total += max(0, rules.SERVINGS_PER_MEAL - round(poured)) * drinks[0]
        if (supplements := values("supplement", meal.slot)) and "supplement" not in courses:
            best_supplements.append(supplements[0])
    taken = sum(by_id[lock.variant_id].course == "supplement" for lock in locks)
    cap = max(0, problem.profile.max_supplements_per_day - taken)
    return total + sum(sorted(best_supplements, reverse=True)[:cap])


def lightest_day(problem: WeekProblem, locks: tuple[Item, ...]) -> int:
    """The least energy (tenths) of a day that has its locked items and required courses."""
    by_id, options = problem.by_id, allowed(problem)
    total = sum(n.units(by_id[lock.variant_id], "energy_kcal", lock.portions) for lock in locks)
    for meal in meals_of(problem.profile.slots):
        courses = [by_id[lock.variant_id].course for lock in locks if lock.meal == meal]
        for course, (fewest, _most) in rules.STRUCTURE[meal.slot].items():
            values = sorted(n.units(v, "energy_kcal", rules.standard_portions(v, problem.profile)) for v in options
                            if v.course == course and meal.slot in v.slots)
            total += sum(values[:max(0, fewest - courses.count(course))])
    return total
