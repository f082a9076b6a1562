"""The weekly planner on small hand-made catalogues: hard targets, locks, soft goals and
the explanation of a day that cannot meet its targets."""
from decimal import Decimal

import pytest

from nutriplat.mealplans.domain import Item, Meal, Profile, SolveOptions, Targets, WeekProblem, evaluate_day, plan_week

FAST = SolveOptions(time_limit_s=2)
TARGETS = Targets(energy_kcal=1800, protein_g=70, fluid_ml=1600)
SLOTS = ("breakfast", "lunch", "snack", "dinner")
REGULAR = Profile()  # the default profile every week() shares


@pytest.fixture
def menu(variant):
    """Enough for a varied regular week: 8 warm mains, 4 breakfasts, 5 soups, 10 desserts."""
    mains = [variant(i, energy=520, protein=28 + i % 3, fluid=300, slots=("lunch", "dinner"),
                     name=f"stoofpot {i}", price=f"{7 + i % 4}.00") for i in range(1, 9)]
    breakfasts = [variant(20 + i, energy=320, protein=15, fluid=90, slots=("breakfast",),
                          name=f"boterham {i}") for i in range(4)]
    soups = [variant(30 + i, "soup", energy=120, protein=5, fluid=230, slots=("lunch", "dinner"))
             for i in range(5)]
    desserts = [variant(40 + i, "dessert", energy=180, protein=6, fluid=100) for i in range(10)]
    drinks = [variant(50, "drink", drink="0", fluid=200, name="water", price="0.10"),
              variant(51, "drink", drink="0", energy=92, protein=6.8, fluid=180, name="melk",
                      allergens=("milk",), price="0.35")]
    supplement = variant(60, "supplement", drink="0", energy=300, protein=18, fluid=95,
                         allergens=("milk",), price="2.90")
    return (*mains, *breakfasts, *soups, *desserts, *drinks, supplement)


def week(menu, profile=REGULAR, targets=TARGETS, **kwargs):
    return WeekProblem(profile=profile, targets=(targets,) * 7, catalogue=menu, **kwargs)


def test_a_feasible_week_meets_every_hard_target_every_day(menu):
    plan = plan_week(week(menu), FAST)
    assert plan.feasible and plan.solver["status"] in ("OPTIMAL", "FEASIBLE")
    for day in plan.days:
        assert 1800 <= day.totals["energy_kcal"] <= 2160
        assert day.totals["protein_g"] >= 70 and day.totals["fluid_ml"] >= 1600
        assert day.explanation is None
        meals = {item.meal for item in day.items}
        assert meals == {Meal(slot) for slot in SLOTS}


def test_no_dish_twice_within_three_days_when_the_menu_allows_it(menu):
    plan = plan_week(week(menu), FAST)
    by_id = {v.id: v for v in menu}
    dishes = [{by_id[i.variant_id].dish_id for i in day.items if by_id[i.variant_id].course != "drink"}
              for day in plan.days]
    for first in range(5):
        uses = [d for day in dishes[first:first + 3] for d in day]
        assert len(uses) == len(set(uses)), f"a repeat in days {first}-{first + 2}"


def test_yesterday_counts_for_the_no_repeat_rule(menu):
    plan = plan_week(week(menu, recent_dishes=(frozenset({1, 2, 3}), frozenset({4, 5}))), FAST)
    first_days = {i.variant_id for day in plan.days[:2] for i in day.items}
    assert not first_days & {1, 2, 3}


def test_locked_items_stay_and_fill_their_course(menu):
    lock = Item(day=2, meal=Meal("lunch"), variant_id=7, portions=1.0, locked=True)
    plan = plan_week(week(menu, locks=(lock,)), FAST)
    lunch = [i for i in plan.days[2].items if i.meal == Meal("lunch")]
    assert lock in lunch
    assert [i.variant_id for i in lunch if i.variant_id <= 8] == [7]  # no second main


def test_dislikes_are_avoided_and_preferences_favoured(menu, variant):
    plan = plan_week(week(menu, Profile(dislikes=("stoofpot 1", "stoofpot 2"),
                                        preferences=("stoofpot 8",))), FAST)
    planned = [i.variant_id for day in plan.days for i in day.items]
    assert 1 not in planned and 2 not in planned
    assert planned.count(8) >= 2


def test_the_weekly_budget_steers_to_cheaper_dishes(menu):
    free = plan_week(week(menu), FAST)
    budget = Decimal("150.00")
    tight = plan_week(week(menu, Profile(weekly_budget_eur=budget)), FAST)
    by_id = {v.id: v for v in menu}

    def cost(plan):
        return sum(by_id[i.variant_id].price_eur * Decimal(str(i.portions)) for d in plan.days for i in d.items)

    assert cost(tight) < cost(free) and tight.feasible


def test_supplements_only_when_food_cannot_reach_the_target(menu):
    normal = plan_week(week(menu), FAST)
    assert all(i.variant_id != 60 for d in normal.days for i in d.items)
    no_milk = tuple(v for v in menu if v.name != "melk")
    hungry = plan_week(week(no_milk, targets=Targets(2300, 110, 1600)), FAST)
    assert hungry.feasible
    assert any(i.variant_id == 60 for d in hungry.days for i in d.items)


def test_the_appetite_scales_dishes_not_drinks(menu):
    plan = plan_week(week(menu, Profile(appetite_factor=0.75), targets=Targets(1400, 55, 1500)), FAST)
    by_id = {v.id: v for v in menu}
    for item in plan.days[0].items:
        expected = 1.0 if by_id[item.variant_id].course in ("drink", "supplement") else 0.75
        assert item.portions % expected == 0 if expected == 1.0 else item.portions == 0.75


def test_an_unreachable_protein_target_gives_the_closest_day_and_says_why(variant):
    # Pureed, allergic to milk: only three pureed dishes without milk, and no supplements.
    menu = (variant(1, food="4", energy=450, protein=18, fluid=300, slots=("lunch", "dinner")),
            variant(2, food="4", energy=430, protein=16, fluid=300, slots=("lunch", "dinner")),
            variant(3, food="4", energy=300, protein=8, fluid=200, slots=("breakfast",)),
            variant(4, food="4", energy=500, protein=35, fluid=300, allergens=("milk",)),
            variant(5, food="5", energy=500, protein=35, fluid=300),
            variant(6, "drink", drink="0", fluid=200, name="water"))
    profile = Profile(food_level="4", allergies=frozenset({"milk"}), allow_supplements=False,
                      slots=("breakfast", "lunch", "dinner"))
    plan = plan_week(WeekProblem(profile, (Targets(1200, 62, 1500),) * 7, menu), FAST)
    day = plan.days[0]
    assert not day.feasible and not plan.feasible
    assert day.totals["protein_g"] == 44  # the richest day there is: 8 + 18 + 18
    assert day.explanation == (
        "Protein 44 g of 62 g (70 %). Even the most protein-rich choice gives at most 44 g: "
        "only 3 of 4 pureed (IDDSI 4) dishes are free of milk, and the profile allows no oral "
        "nutritional supplements.")


def test_a_missing_course_and_too_much_energy_from_locks_are_explained(variant):
    menu = (variant(1, energy=900, protein=40, fluid=300, slots=("lunch", "dinner")),
            variant(2, energy=800, protein=40, fluid=300, slots=("lunch", "dinner"), allergens=("fish",)),
            variant(3, "drink", drink="0", fluid=200))
    profile = Profile(allergies=frozenset({"fish"}), slots=("breakfast", "lunch", "dinner"))
    locks = tuple(Item(0, Meal(slot), 1, 1.0, True) for slot in ("lunch", "dinner"))
    day = plan_week(WeekProblem(profile, (Targets(1400, 60, 1000),), menu, locks=locks), FAST).days[0]
    assert day.explanation.startswith(
        "No main dish for breakfast: the catalogue has no regular (IDDSI 7) main dishes")
    assert ("Energy 1800 kcal is above the 120 % limit of 1680 kcal. Even the lightest choice of "
            "the locked items and the required courses gives 1800 kcal.") in day.explanation


def test_a_day_a_dietitian_left_short_is_told_to_reoptimise(menu):
    items = [Item(0, Meal(slot), variant_id, 1.0, True)
             for slot, variant_id in (("breakfast", 20), ("lunch", 1), ("snack", 40), ("dinner", 2))]
    day = evaluate_day(week(menu), 0, items, optimised=False)
    assert not day.feasible
    assert day.explanation == (
        "Energy 1540 kcal of 1800 kcal (85 %). The catalogue allows 4024 kcal on this day; "
        "re-optimise the plan. Fluid 790 ml of 1600 ml (49 %). The catalogue allows 4140 ml on "
        "this day; re-optimise the plan.")
