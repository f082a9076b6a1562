"""What replaces a plan item the client may no longer have: the same dish in a texture
that fits, else the dish of the same course at that meal closest in energy, else nothing."""
from __future__ import annotations

from nutriplat.mealplans.domain import Profile, Variant
from nutriplat.mealplans.domain.replacement import replacement


def dish(id_: int, dish_id: int, level: str, kcal: float, course: str = "main",
         allergens: frozenset[str] = frozenset(), slots: frozenset[str] = frozenset({"lunch"})) -> Variant:
    return Variant(id=id_, dish_id=dish_id, name=f"dish {dish_id} ({level})", kind="ready_meal", course=course,
                   food_level=level, drink_level=None, allergens=allergens, slots=slots,
                   nutrients={"energy_kcal": kcal})


STEW, STEW_PUREED = dish(1, 10, "7", 500), dish(2, 10, "4", 450)
SOUP_PUREED = dish(3, 11, "4", 120, course="soup")
FISH_PUREED, CHICKEN_PUREED = dish(4, 12, "4", 300, allergens=frozenset({"fish"})), dish(5, 13, "4", 520)
PUREED = Profile(food_level="4")


def test_the_same_dish_in_the_new_texture_comes_first():
    catalogue = (STEW, STEW_PUREED, SOUP_PUREED, FISH_PUREED, CHICKEN_PUREED)
    assert replacement(STEW, PUREED, "lunch", catalogue) == STEW_PUREED


def test_else_the_closest_energy_of_the_same_course_that_the_client_may_have():
    catalogue = (STEW, SOUP_PUREED, FISH_PUREED, CHICKEN_PUREED)
    assert replacement(STEW, PUREED, "lunch", catalogue) == CHICKEN_PUREED  # 520 kcal, not the 120 kcal soup
    chicken_gone = (STEW, SOUP_PUREED, FISH_PUREED)
    assert replacement(STEW, PUREED, "lunch", chicken_gone) == FISH_PUREED
    allergic = Profile(food_level="4", allergies=frozenset({"fish"}))
    assert replacement(STEW, allergic, "lunch", chicken_gone) is None  # nothing fits: the dietitian decides
    assert replacement(STEW, PUREED, "dinner", (STEW_PUREED,)) is None  # not offered at that meal
