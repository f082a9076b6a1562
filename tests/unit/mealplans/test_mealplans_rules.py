"""What a client may be served (hard) and how wishes are matched (soft)."""
from nutriplat.mealplans.domain import Meal, Profile, meals_of, refusals
from nutriplat.mealplans.domain.rules import matches


def test_the_food_level_must_equal_the_prescription_and_level_7_also_takes_7ec(variant):
    assert refusals(variant(1, food="4"), Profile(food_level="4")) == []
    assert "pureed (IDDSI 4)" in refusals(variant(1, food="5"), Profile(food_level="4"))[0]
    assert refusals(variant(1, food="7EC"), Profile(food_level="7")) == []
    assert refusals(variant(1, food="7"), Profile(food_level="7EC")) != []


def test_drinks_follow_the_drink_level_only(variant):
    assert refusals(variant(1, "drink", drink="2"), Profile(food_level="4", drink_level="2")) == []
    reasons = refusals(variant(1, "drink", drink="0"), Profile(drink_level="2"))
    assert reasons == ["Its texture is thin (IDDSI 0); the client drinks mildly thick (IDDSI 2) only."]


def test_an_allergen_is_a_hard_exclusion_named_in_the_reason(variant):
    reasons = refusals(variant(1, allergens=("milk", "eggs")), Profile(allergies=frozenset({"milk"})))
    assert reasons == ["It contains milk, to which the client is allergic."]


def test_preparation_mode_supplements_and_slot(variant):
    recipe = variant(1, kind="recipe")
    assert refusals(recipe, Profile(preparation_mode="cookbook")) == []
    assert "preparation mode 'ready meals'" in refusals(recipe, Profile(preparation_mode="ready_meals"))[0]
    assert "preparation mode" in refusals(variant(2, kind="component"), Profile())[0]  # default: ready meals
    ons = variant(3, "supplement")
    assert refusals(ons, Profile(allow_supplements=False)) == [
        "The diet profile allows no oral nutritional supplements."]
    assert refusals(variant(4, slots=("lunch",)), Profile(), "breakfast") == ["It is not offered at breakfast."]


def test_dislikes_and_preferences_match_the_name_or_a_keyword(variant):
    stew = variant(1, name="Vlaamse stoofvlees", keywords=("rundvlees", "bier"))
    assert matches(stew, ("Stoofvlees",)) and matches(stew, ("bier",))
    assert not matches(stew, ("vis",)) and not matches(stew, (" ",))


def test_repeated_snacks_are_numbered_in_the_order_of_the_day():
    assert meals_of(("breakfast", "snack", "lunch", "snack", "dinner")) == (
        Meal("breakfast"), Meal("snack", 1), Meal("lunch"), Meal("snack", 2), Meal("dinner"))
    assert str(Meal("snack", 2)) == "snack 2" and str(Meal("lunch")) == "lunch"
