"""The catalogue API: dishes, texture variants, immutable versions, filters, bad input.
Its editors are the admins of a dish's owner; a person's new texture or allergen change
applies once a second admin approves it (tests/api/test_catalogue_ownership.py)."""
import copy

import pytest

from tests.setup_calls import setup

NUTRIENTS = {"energy_kcal": 560, "protein_g": 32, "fat_g": 24, "carbohydrate_g": 48, "fibre_g": 6,
             "fluid_ml": 330, "sodium_mg": 980}
PUREED = {"food_level": "4", "allergens": ["celery"], "slots": ["lunch", "dinner"],
          "nutrients": NUTRIENTS | {"protein_g": 46.4}, "price_eur": "9.30",
          "storage_class": "chilled", "volume_l": 0.45, "shelf_life_days": 7}
STEW = {"name": "Vlaamse stoofvlees", "kind": "ready_meal", "course": "main",
        "keywords": ["rundvlees", "bier"],
        "variants": [PUREED, PUREED | {"food_level": "7", "allergens": ["celery", "gluten"],
                                       "nutrients": NUTRIENTS, "price_eur": 8.5}]}
WATER = {"name": "Water", "kind": "drink", "variants": [
    {"drink_level": level, "slots": ["breakfast", "lunch", "dinner", "snack"],
     "nutrients": dict.fromkeys(NUTRIENTS, 0) | {"fluid_ml": 200}, "price_eur": "0.10",
     "storage_class": "ambient", "volume_l": 0.2, "shelf_life_days": 365} for level in ("0", "2")]}


@pytest.fixture
def chef(world):
    return world.person("chef-admin", "admin")


@pytest.fixture
def sous(world):
    """A second admin of the chef's organisation, who approves the chef's variants."""
    return world.person("sous-chef", "admin")


def created(http, chef, sous, body):
    """POST /dishes, then a second admin approves its variants: the dish as it now reads."""
    response = http.post("/api/v1/dishes", json=body, headers=chef.headers)
    assert response.status_code == 201, response.json
    for change in response.json["pending_changes"]:
        approved = http.post(f"/api/v1/catalogue-changes/{change['id']}/approve", headers=sous.headers)
        assert approved.status_code == 200, approved.json
    return http.get(f"/api/v1/dishes/{response.json['id']}", headers=chef.headers).json


@pytest.fixture
def stew(http, chef, sous):
    return created(http, chef, sous, STEW)


def error_fields(response, status=422):
    assert response.status_code == status, response.json
    assert response.json["code"] == status and response.json["message"]
    return response.json.get("errors", {})


def test_a_dish_is_created_with_its_variants(stew, http, chef, sous):
    assert stew["course"] == "main" and len(stew["variants"]) == 2 and stew["pending_changes"] == []
    pureed = stew["variants"][0]
    assert pureed["name"] == "Vlaamse stoofvlees (pureed (IDDSI 4))"
    assert pureed["price_eur"] == "9.30" and pureed["version"] == 1 and pureed["current"] is True
    assert stew["owner_organisation_id"] == chef.organisation_id
    water = created(http, chef, sous, WATER)
    assert water["course"] == "drink" and [v["drink_level"] for v in water["variants"]] == ["0", "2"]
    bare = http.post("/api/v1/dishes", json={"name": "Rijstpap", "kind": "recipe", "course": "dessert"},
                     headers=chef.headers)
    assert bare.status_code == 201 and bare.json["variants"] == [] and bare.json["keywords"] == []


def test_a_variant_reads_as_the_issue_says(stew, http, chef):
    variant = http.get(f"/api/v1/dish-variants/{stew['variants'][0]['id']}", headers=chef.headers).json
    assert variant["dish_id"] == stew["id"] and variant["food_level"] == "4"
    assert variant["drink_level"] is None and variant["allergens"] == ["celery"]
    assert variant["slots"] == ["lunch", "dinner"]
    assert set(variant["nutrients"]) == set(NUTRIENTS) and variant["nutrients"]["protein_g"] == 46.4


def test_a_change_writes_a_new_version_and_the_old_one_keeps_its_values(stew, http, chef):
    old_id = stew["variants"][0]["id"]
    changed = http.patch(f"/api/v1/dish-variants/{old_id}", headers=chef.headers,
                         json={"nutrients": {"protein_g": 50}, "price_eur": "9.90"})
    assert changed.status_code == 200, changed.json
    new = changed.json
    assert new["id"] != old_id and new["version"] == 2 and new["nutrients"]["protein_g"] == 50
    assert new["nutrients"]["energy_kcal"] == 560 and new["price_eur"] == "9.90"
    old = http.get(f"/api/v1/dish-variants/{old_id}", headers=chef.headers).json
    assert old["nutrients"]["protein_g"] == 46.4 and old["current"] is False
    assert old["replaced_by_id"] == new["id"]
    again = http.patch(f"/api/v1/dish-variants/{old_id}", headers=chef.headers, json={"price_eur": 1})
    assert again.status_code == 409 and str(new["id"]) in again.json["message"]
    versions = http.get(f"/api/v1/dish-variants/{new['id']}/versions", headers=chef.headers).json
    assert [v["version"] for v in versions] == [1, 2]
    dish = http.get(f"/api/v1/dishes/{stew['id']}", headers=chef.headers).json
    assert {v["id"] for v in dish["variants"]} == {new["id"], stew["variants"][1]["id"]}


def test_withdrawing_a_variant_and_a_dish(stew, http, chef, sous):
    pureed = stew["variants"][0]["id"]
    assert http.delete(f"/api/v1/dish-variants/{pureed}", headers=chef.headers).json["current"] is False
    proposed = http.post(f"/api/v1/dishes/{stew['id']}/variants", headers=chef.headers, json=PUREED)
    assert proposed.status_code == 202 and proposed.json["status"] == "pending"
    again = setup(http.post(f"/api/v1/catalogue-changes/{proposed.json['id']}/approve", headers=sous.headers))
    variant = http.get(f"/api/v1/dish-variants/{again['result_variant_id']}", headers=chef.headers).json
    assert variant["version"] == 2  # the texture is offered again
    dish = http.get(f"/api/v1/dishes/{stew['id']}", headers=chef.headers).json
    assert variant["id"] in {v["id"] for v in dish["variants"]}
    assert http.delete(f"/api/v1/dishes/{stew['id']}", headers=chef.headers).status_code == 200
    assert http.get("/api/v1/dishes", headers=chef.headers).json == []
    listed = http.get("/api/v1/dishes?include_withdrawn=true", headers=chef.headers).json
    assert listed[0]["withdrawn_at"] and listed[0]["variants"] == []
    assert http.delete(f"/api/v1/dishes/{stew['id']}", headers=chef.headers).status_code == 409


def test_the_list_filters_by_texture_slot_allergen_kind_and_name(stew, http, chef, sous):
    created(http, chef, sous, WATER)

    def names(query):
        response = http.get(f"/api/v1/dishes?{query}", headers=chef.headers)
        assert response.status_code == 200, response.json
        return [d["name"] for d in response.json]

    assert names("") == ["Vlaamse stoofvlees", "Water"]
    assert names("food_level=4") == ["Vlaamse stoofvlees"] and names("food_level=5") == []
    assert names("drink_level=2") == ["Water"]
    assert names("slot=breakfast") == ["Water"]
    assert names("free_of=gluten&food_level=7") == [] and names("free_of=gluten&food_level=4") == ["Vlaamse stoofvlees"]
    assert names("kind=drink") == ["Water"] and names("search=STOOF") == ["Vlaamse stoofvlees"]


def test_readers_and_editors(stew, http, world):
    carer = world.person("a-carer", "caregiver", organisation=None)
    assert http.get("/api/v1/dishes", headers=carer.headers).status_code == 200
    assert http.post("/api/v1/dishes", json=WATER, headers=carer.headers).status_code == 403
    dietitian = world.person("a-dietitian", "dietitian")
    assert http.get("/api/v1/dishes", headers=dietitian.headers).status_code == 200
    assert http.post("/api/v1/dishes", json=WATER, headers=dietitian.headers).status_code == 403
    payer = world.person("a-payer", "cofinancer", organisation="Fund")
    assert http.get("/api/v1/dishes", headers=payer.headers).status_code == 403


def _with(path, value):
    body = copy.deepcopy(STEW)
    target = body
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return body


@pytest.mark.parametrize("path, value, field", [
    (("variants", 0, "nutrients", "protein_g"), -1, "variants"),   # a nutrient below zero
    (("variants", 0, "nutrients", "energy_kcal"), "560", "variants"),
    (("variants", 0, "price_eur"), "9.305", "variants"),           # no fractions of a cent
    (("variants", 0, "food_level"), "8", "variants"),
    (("variants", 0, "allergens"), ["strawberries"], "variants"),
    (("variants", 0, "slots"), [], "variants"),
    (("variants", 0, "volume_l"), 0, "variants"),
    (("variants", 0, "storage_class"), "fridge", "variants"),
    (("variants", 0, "colour"), "brown", "variants"),              # unknown field
    (("course",), None, "course"),
    (("kind",), "takeaway", "kind"),
    (("name",), "", "name"),
])
def test_bad_dishes_get_422_naming_the_field_and_write_nothing(http, chef, path, value, field):
    body = _with(path, value)
    if value is None:
        del body[path[-1]]
    assert field in error_fields(http.post("/api/v1/dishes", json=body, headers=chef.headers))
    assert http.get("/api/v1/dishes", headers=chef.headers).json == []


def test_rules_across_fields(http, chef, stew):
    nested = error_fields(http.post(f"/api/v1/dishes/{stew['id']}/variants", headers=chef.headers,
                                    json=PUREED | {"nutrients": NUTRIENTS | {"sodium_mg": -5}}))
    assert "sodium_mg" in nested["nutrients"]
    both = error_fields(http.post(f"/api/v1/dishes/{stew['id']}/variants", headers=chef.headers,
                                  json=PUREED | {"drink_level": "2"}))
    assert "food_level" in both
    drink_as_food = error_fields(http.post("/api/v1/dishes", headers=chef.headers, json=WATER | {
        "name": "Thee", "variants": [PUREED]}))
    assert "variants.0.drink_level" in drink_as_food
    twice = error_fields(http.post("/api/v1/dishes", headers=chef.headers, json=STEW | {
        "name": "Stoofvlees bis", "variants": [PUREED, PUREED]}))
    assert "variants.1" in twice
    soup_kind = error_fields(http.post("/api/v1/dishes", headers=chef.headers,
                                       json=WATER | {"name": "Melk", "course": "main"}))
    assert "course" in soup_kind
    assert error_fields(http.post("/api/v1/dishes", json=STEW, headers=chef.headers), 409) == {
        "name": ["Already in use."]}
    taken = http.post(f"/api/v1/dishes/{stew['id']}/variants", headers=chef.headers, json=PUREED)
    assert "food_level" in error_fields(taken, 409)
    texture = http.patch(f"/api/v1/dish-variants/{stew['variants'][0]['id']}", headers=chef.headers,
                         json={"food_level": "5"})
    assert "food_level" in error_fields(texture)
    assert http.get("/api/v1/dish-variants/999999", headers=chef.headers).status_code == 404
    assert http.post("/api/v1/dishes/999999/variants", headers=chef.headers, json=PUREED).status_code == 404
