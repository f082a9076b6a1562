"""The portal's pure rules: a texture level in colour with readable ink, reheating steps,
one tap as a percentage."""
from __future__ import annotations

import pytest

from nutriplat.portal.domain import meals


@pytest.mark.parametrize("colour", [*meals.FOOD_COLOURS.values(), *meals.DRINK_COLOURS.values()])
def test_the_ink_on_every_iddsi_colour_keeps_a_contrast_of_at_least_4_5(colour):
    def luminance(hex_colour: str) -> float:
        def channel(pair: str) -> float:
            c = int(pair, 16) / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        r, g, b = (channel(hex_colour[i:i + 2]) for i in (1, 3, 5))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    a, b = sorted((luminance(colour), luminance(meals.ink_on(colour))))
    assert (b + 0.05) / (a + 0.05) >= 4.5


def test_a_pureed_meal_is_green_and_a_mildly_thick_drink_pink():
    assert meals.texture("4", None) == {"axis": "food", "level": "4", "colour": "#4fae48", "text_colour": "#000000"}
    assert meals.texture(None, "2")["colour"] == "#e06bb0"


def test_a_variant_without_its_own_steps_gets_its_storage_class_steps():
    assert set(meals.reheating("frozen", None)) == {"oven", "microwave", "regeneration_trolley"}
    assert meals.reheating("chilled", {"microwave": ["2 minutes at 800 W."]}) == {"microwave": ["2 minutes at 800 W."]}
    assert meals.reheating("ambient", None) == {}


def test_a_variant_served_cold_has_no_steps_and_its_own_steps_keep_the_appliance_order():
    assert meals.reheating("chilled", {}) == {}
    own = {"bain_marie": ["20 minuten in zacht kokend water."], "microwave": ["3 minuten op 600 W."]}
    assert list(meals.reheating("frozen", own)) == ["microwave", "bain_marie"]


def test_one_tap_is_a_percentage_of_the_plate():
    assert [meals.percent_of(p) for p, _ in meals.PLATE] == [100, 75, 50, 25, 0]
