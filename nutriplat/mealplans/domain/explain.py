"""Why a day misses its hard targets, in a dietitian's words: which constraint, how far
off, and what in the catalogue (as the prescription and allergies filter it) causes it.

    Protein 48 g of 62 g (77 %). Even the most protein-rich choice gives at most 52 g:
    only 3 of 11 pureed (IDDSI 4) dishes are free of milk, and the profile allows no
    oral nutritional supplements.
"""
from __future__ import annotations

import math
from collections.abc import Mapping

from nutriplat.catalogue.vocabulary import DEFAULT_PREPARATION, FOOD_COURSES, texture_label
from nutriplat.food import food_level_fits
from nutriplat.mealplans.domain import nutrition as n
from nutriplat.mealplans.domain import reach, rules
from nutriplat.mealplans.domain.values import Item, Meal, Variant, WeekProblem

NAMES = {"energy_kcal": ("Energy", "energy-dense"), "protein_g": ("Protein", "protein-rich"),
         "fluid_ml": ("Fluid", "fluid-rich")}
COURSE_NAMES = {"main": "main dish", "soup": "soup", "dessert": "dessert or snack"}
PLURALS = {"main": "main dishes", "soup": "soups", "dessert": "desserts or snacks", None: "dishes"}


def explain_day(problem: WeekProblem, day: int, items: tuple[Item, ...], totals: Mapping[str, int],
                gaps: n.Shortfalls, missing: list[tuple[Meal, str]], optimised: bool = True) -> str:
    """``optimised``: the optimiser chose the unlocked items (else a dietitian's edit did)."""
    bounds = n.Bounds.of(problem.targets[day])
    locks = tuple(item for item in items if item.locked)
    sentences = [f"No {COURSE_NAMES.get(course, course)} for {meal}: "
                 f"{_scarcity(problem, 'food', course, meal.slot)}." for meal, course in missing]
    if gaps.energy_high:
        sentences.append(_too_much_energy(problem, totals, bounds, locks))
    for nutrient, gap, bound in (("energy_kcal", gaps.energy_low, bounds.energy_min),
                                 ("protein_g", gaps.protein_low, bounds.protein_min),
                                 ("fluid_ml", gaps.fluid_low, bounds.fluid_min)):
        if gap:
            sentences.append(_short(problem, nutrient, totals[nutrient], bound, bounds, locks, optimised))
    return " ".join(sentences)


def _amount(tenths: int, nutrient: str) -> str:
    value = tenths / n.SCALE
    shown = f"{value:.1f}".rstrip("0").rstrip(".") if nutrient == "protein_g" else f"{value:.0f}"
    return f"{shown} {n.UNITS[nutrient]}"


def _short(problem: WeekProblem, nutrient: str, got: int, bound: int, bounds: n.Bounds,
           locks: tuple[Item, ...], optimised: bool) -> str:
    name, richest = NAMES[nutrient]
    percent = math.floor(100 * got / bound) if bound else 100
    said = f"{name} {_amount(got, nutrient)} of {_amount(bound, nutrient)} ({percent} %)."
    best = reach.richest_day(problem, nutrient, locks)
    if best < bound:
        axis = "drink" if nutrient == "fluid_ml" else "food"
        return (f"{said} Even the most {richest} choice gives at most {_amount(best, nutrient)}: "
                f"{_scarcity(problem, axis)}{_supplement_clause(problem)}.")
    if not optimised:
        return f"{said} The catalogue allows {_amount(best, nutrient)} on this day; re-optimise the plan."
    if nutrient == "energy_kcal":
        return f"{said} The optimiser stopped before closing the gap; re-optimise the plan."
    return (f"{said} The {richest} dishes that would close the gap take energy above the "
            f"120 % limit of {_amount(bounds.energy_max, 'energy_kcal')}.")


def _too_much_energy(problem: WeekProblem, totals: Mapping[str, int], bounds: n.Bounds,
                     locks: tuple[Item, ...]) -> str:
    said = (f"Energy {_amount(totals['energy_kcal'], 'energy_kcal')} is above the 120 % limit "
            f"of {_amount(bounds.energy_max, 'energy_kcal')}.")
    lightest = reach.lightest_day(problem, locks)
    if lightest > bounds.energy_max:
        whose = "the locked items and the required courses" if locks else "the required courses"
        return f"{said} Even the lightest choice of {whose} gives {_amount(lightest, 'energy_kcal')}."
    return f"{said} Lighter dishes would leave the protein or fluid target unmet."


def _same_texture(problem: WeekProblem, axis: str, course: str | None, slot: str | None) -> list[Variant]:
    profile = problem.profile
    if axis == "drink":
        return [v for v in problem.catalogue if v.course == "drink" and v.drink_level == profile.drink_level]
    return [v for v in problem.catalogue
            if v.course in ((course,) if course else FOOD_COURSES) and v.food_level is not None
            and food_level_fits(profile.food_level, v.food_level) and (slot is None or slot in v.slots)]


def _scarcity(problem: WeekProblem, axis: str, course: str | None = None, slot: str | None = None) -> str:
    """'only 3 of 11 pureed (IDDSI 4) dishes are free of milk'."""
    profile = problem.profile
    same = _same_texture(problem, axis, course, slot)
    fits = [v for v in same if not rules.refusals(v, profile)]
    label = (texture_label(None, profile.drink_level) if axis == "drink"
             else texture_label(profile.food_level, None))
    noun = "drinks" if axis == "drink" else PLURALS[course]
    dishes, fitting = len({v.dish_id for v in same}), len({v.dish_id for v in fits})
    if fitting == dishes:
        return f"the catalogue has {'only ' if dishes else ''}{dishes or 'no'} {label} {noun}"
    many = fitting > 1
    why = []
    if clash := sorted(set().union(*(v.allergens for v in same)) & profile.allergies):
        why.append(f"{'are' if many else 'is'} free of {_listing(clash)}")
    if any(v.kind not in rules.allowed_kinds(profile.preparation_mode) for v in same):
        mode = (profile.preparation_mode or DEFAULT_PREPARATION).replace("_", " ")
        why.append(f"{'suit' if many else 'suits'} the preparation mode '{mode}'")
    lead = f"only {fitting} of {dishes}" if fitting else f"none of the {dishes}"
    return f"{lead} {label} {noun} {', and '.join(why)}"


def _listing(names: list[str]) -> str:
    """'milk', 'gluten and milk', 'eggs, gluten and milk'."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _supplement_clause(problem: WeekProblem) -> str:
    profile = problem.profile
    if not profile.allow_supplements or profile.max_supplements_per_day == 0:
        return ", and the profile allows no oral nutritional supplements"
    if not any(v.course == "supplement" for v in reach.allowed(problem)):
        return ", and no oral nutritional supplement fits the texture and allergies"
    count = profile.max_supplements_per_day
    return f", even with {count} oral nutritional supplement{'s' if count > 1 else ''} a day"
