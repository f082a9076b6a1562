"""Properties of the planner over random profiles and small random catalogues:
- no plan ever holds a wrong texture, an allergen or an item at a slot it does not suit;
- a day said feasible meets the hard targets, recomputed here from its items;
- whenever a feasible day exists (an independent CP-SAT model of the rules decides),
  every day of the plan is feasible;
- an infeasible day carries its explanation."""
import math

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from nutriplat.food import MEAL_SLOTS
from nutriplat.mealplans.domain import STRUCTURE, Profile, SolveOptions, Targets, WeekProblem, plan_week
from nutriplat.mealplans.domain.rules import DRINKS_PER_MEAL, SERVINGS_PER_MEAL

from .conftest import make_variant

ALLERGENS = ("milk", "gluten", "fish")  # few, so that clashes are frequent
FOOD_LEVELS = ("4", "5", "7", "7EC")
DRINK_LEVELS = ("0", "2")
SLOT_SETS = (("breakfast", "lunch", "dinner"), ("breakfast", "lunch", "snack", "dinner"),
             ("lunch", "snack", "dinner", "snack"))
QUICK = SolveOptions(time_limit_s=2)


profiles = st.builds(
    Profile, food_level=st.sampled_from(FOOD_LEVELS), drink_level=st.sampled_from(DRINK_LEVELS),
    allergies=st.frozensets(st.sampled_from(ALLERGENS), max_size=2),
    preparation_mode=st.sampled_from((None, "ready_meals", "components", "cookbook")),
    slots=st.sampled_from(SLOT_SETS), appetite_factor=st.sampled_from((0.75, 1.0, 1.25)),
    allow_supplements=st.booleans(), max_supplements_per_day=st.integers(0, 2))


@st.composite
def catalogues(draw, profile):
    """Mostly at the client's levels and for every slot, so that both feasible and
    infeasible weeks come up; allergens and other levels make some variants unusable."""
    def mostly(usual, other):
        return usual if draw(st.integers(0, 9)) < 7 else draw(other)

    variants = []
    for i in range(1, draw(st.integers(8, 20)) + 1):
        course = draw(st.sampled_from(("main", "main", "main", "soup", "dessert", "dessert", "drink", "supplement")))
        drink_axis = course == "drink" or (course == "supplement" and draw(st.booleans()))
        variants.append(make_variant(
            i, course, dish=draw(st.integers(1, i)),
            food=mostly(profile.food_level, st.sampled_from(FOOD_LEVELS)),
            drink=mostly(profile.drink_level, st.sampled_from(DRINK_LEVELS)) if drink_axis else None,
            kind=None if course in ("drink", "supplement") else mostly("ready_meal", st.sampled_from(
                ("component", "recipe"))),
            allergens=draw(st.sets(st.sampled_from(ALLERGENS), max_size=1)),
            slots=mostly(MEAL_SLOTS, st.sets(st.sampled_from(MEAL_SLOTS), min_size=1)),
            energy=draw(st.integers(0, 700)), protein=draw(st.integers(0, 40)),
            fluid=draw(st.integers(0, 350))))
    return tuple(variants)


targets = st.builds(Targets, energy_kcal=st.integers(600, 1800), protein_g=st.integers(15, 60),
                    fluid_ml=st.integers(300, 1200))


def may_have(variant, profile, slot):
    """The rules of spec/food.md and issue 4, written out again (not rules.refusals)."""
    if variant.drink_level is not None:
        texture_ok = variant.drink_level == profile.drink_level
    else:
        texture_ok = variant.food_level == profile.food_level or (
            profile.food_level == "7" and variant.food_level == "7EC")
    mode_kinds = {None: {"ready_meal"}, "ready_meals": {"ready_meal"},
                  "components": {"ready_meal", "component"},
                  "cookbook": {"ready_meal", "component", "recipe"}}[profile.preparation_mode]
    kind_ok = variant.kind in mode_kinds | {"drink"} or (variant.kind == "supplement" and profile.allow_supplements)
    return texture_ok and kind_ok and not variant.allergens & profile.allergies and slot in variant.slots


def portions(variant, profile):
    return 1.0 if variant.course in ("drink", "supplement") else profile.appetite_factor


def a_feasible_day_exists(catalogue, profile, goal):
    """An independent model of one day with the hard rules only."""
    model, totals, supplements = cp_model.CpModel(), {"energy_kcal": 0, "protein_g": 0, "fluid_ml": 0}, []
    seen = {}
    for slot in profile.slots:
        seen[slot] = seen.get(slot, 0) + 1
        allowed = [v for v in catalogue if may_have(v, profile, slot)]
        for course, (fewest, most) in STRUCTURE[slot].items():
            chosen = [(model.new_bool_var(""), v) for v in allowed if v.course == course]
            model.add(sum(x for x, _ in chosen) >= fewest)
            model.add(sum(x for x, _ in chosen) <= most)
            add_to(totals, chosen, profile)
        drinks = [(model.new_int_var(0, SERVINGS_PER_MEAL, ""), v) for v in allowed if v.course == "drink"]
        used = [model.new_bool_var("") for _ in drinks]
        for (servings, _), on in zip(drinks, used, strict=True):
            model.add(servings <= SERVINGS_PER_MEAL * on)
        model.add(sum(used) <= DRINKS_PER_MEAL)
        model.add(sum(s for s, _ in drinks) <= SERVINGS_PER_MEAL)
        add_to(totals, drinks, profile)
        ons = [(model.new_bool_var(""), v) for v in allowed if v.course == "supplement"]
        model.add(sum(x for x, _ in ons) <= 1)
        supplements += [x for x, _ in ons]
        add_to(totals, ons, profile)
    model.add(sum(supplements) <= profile.max_supplements_per_day)
    model.add(totals["energy_kcal"] >= math.ceil(goal.energy_kcal * 10))
    model.add(totals["energy_kcal"] <= math.floor(goal.energy_kcal * 12))
    model.add(totals["protein_g"] >= math.ceil(goal.protein_g * 10))
    model.add(totals["fluid_ml"] >= math.ceil(goal.fluid_ml * 10))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = 5
    status = solver.solve(model)
    assert status != cp_model.UNKNOWN
    return status in (cp_model.OPTIMAL, cp_model.FEASIBLE)


def add_to(totals, chosen, profile):
    for name in totals:
        totals[name] += sum(round(v.nutrients[name] * portions(v, profile) * 10) * x for x, v in chosen)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), profile=profiles, goal=targets)
def test_plans_are_safe_and_feasible_whenever_they_can_be(data, profile, goal):
    catalogue = data.draw(catalogues(profile))
    plan = plan_week(WeekProblem(profile, (goal,) * 7, catalogue), QUICK)
    by_id = {v.id: v for v in catalogue}
    for day in plan.days:
        for item in day.items:
            assert may_have(by_id[item.variant_id], profile, item.meal.slot), item
        totals = {name: sum(by_id[i.variant_id].nutrients[name] * i.portions for i in day.items)
                  for name in ("energy_kcal", "protein_g", "fluid_ml")}
        if day.feasible:
            assert totals["energy_kcal"] >= goal.energy_kcal - 0.05 * len(day.items)
            assert totals["energy_kcal"] <= goal.energy_kcal * 1.2 + 0.05 * len(day.items)
            assert totals["protein_g"] >= goal.protein_g - 0.05 * len(day.items)
            assert totals["fluid_ml"] >= goal.fluid_ml - 0.05 * len(day.items)
            assert day.explanation is None
        else:
            assert day.explanation and any(word in day.explanation for word in (
                "Energy", "Protein", "Fluid", "No main dish", "No dessert"))
    exists = a_feasible_day_exists(catalogue, profile, goal)
    event(f"a feasible day exists: {exists}")
    if exists:
        assert plan.feasible, [d.explanation for d in plan.days]
