"""The demo catalogue: Flemish, large enough, texture-modified variants enriched, and
every dish valid under the same schema the API uses."""
from collections import Counter

from nutriplat.catalogue.schemas.dishes import DishSchema
from tools.demo.catalogue import catalogue_bodies

FOODS = ("component", "ready_meal", "recipe")


def test_at_least_sixty_flemish_dishes_most_in_several_textures():
    bodies = catalogue_bodies()
    foods = [b for b in bodies if b["kind"] in FOODS]
    names = " ".join(b["name"].lower() for b in bodies)
    assert len(foods) >= 60
    for classic in ("stoofvlees", "vol-au-vent", "hutsepot", "vispannetje", "waterzooi", "soep",
                    "rijstpap", "boterham", "pap", "mousse"):
        assert classic in names, classic
    assert sum(len(b["variants"]) >= 3 for b in foods) / len(foods) > 0.8
    assert Counter(b.get("course") for b in foods).keys() == {"main", "soup", "dessert"}
    levels = {v.get("food_level") for b in foods for v in b["variants"]}
    assert levels == {"3", "4", "5", "6", "7", "7EC"}
    drink_levels = {v.get("drink_level") for b in bodies if b["kind"] == "drink" for v in b["variants"]}
    assert drink_levels == {"0", "1", "2", "3", "4"}


def test_pureed_and_minced_mains_and_soups_are_protein_enriched():
    for body in catalogue_bodies():
        if body.get("course") not in ("main", "soup"):
            continue
        by_level = {v.get("food_level"): v for v in body["variants"]}
        regular = by_level["7"]["nutrients"]["protein_g"]
        for level in ("5", "4", "3"):
            if level in by_level:
                assert by_level[level]["nutrients"]["protein_g"] > regular * 1.25, (body["name"], level)
                assert "eiwitverrijkt" in by_level[level]["name"]


def test_some_pureed_dishes_are_free_of_milk_and_most_are_not():
    pureed = [v for b in catalogue_bodies() if b.get("course") == "main"
              for v in b["variants"] if v.get("food_level") == "4"]
    without_milk = [v for v in pureed if "milk" not in v["allergens"]]
    assert 0 < len(without_milk) < len(pureed) / 2


def test_every_demo_dish_passes_the_api_schema():
    schema = DishSchema()
    for body in catalogue_bodies():
        loaded = schema.load(body)
        assert loaded["variants"], body["name"]


def test_hot_dishes_carry_their_own_reheating_steps_as_fits_their_texture():
    """Pieces in the oven or microwave; minced, pureed and liquidised never in the oven (a
    crust is a choking risk) but au bain-marie; desserts and bread are served cold."""
    variants = {(b["name"], v.get("food_level")): v["regeneration"] for b in catalogue_bodies()
                for v in b["variants"]}
    assert set(variants["Vlaamse stoofvlees met wortelpuree", "7"]) == {"oven", "microwave"}
    assert set(variants["Vlaamse stoofvlees met wortelpuree", "4"]) == {"microwave", "bain_marie"}
    assert set(variants["Preisoep", "3"]) == {"microwave", "bain_marie"}
    assert any("ontdooien" in step for step in variants["Hutsepot met rundvlees en worst", "6"]["oven"])
    assert variants["Chocolademousse", "7"] == {} and variants["Boterham met hesp", "7"] == {}
    for (name, level), steps in variants.items():
        if level in ("5", "4", "3"):
            assert "oven" not in steps, (name, level)
