"""A dietitian's control over a draft: swap, lock, add, remove, re-optimise, and the
4xx for a lock the client may not have."""
from datetime import timedelta

import pytest

from tests.setup_calls import setup
from tools.demo.catalogue.seed import seed_catalogue
from tools.demo.seed import SeedReport

MENU = ("Vlaamse stoofvlees met wortelpuree", "Vol-au-vent met kip en champignons",
        "Hutsepot met rundvlees en worst", "Gentse waterzooi van kip", "Zalm met prei en puree",
        "Balletjes in tomatensaus met puree", "Kalkoengebraad met appelmoes en puree",
        "Boterham met jonge kaas", "Havermoutpap met melk", "Griesmeelpap met vanille",
        "Groentesoep", "Preisoep", "Appelmoes", "Vanillepudding", "Yoghurt met honing",
        "Chocolademousse", "Water", "Thee", "Halfvolle melk", "Drinkvoeding compact eiwitrijk")


@pytest.fixture
def lien(world):
    return world.person("lien", "dietitian")


@pytest.fixture
def plan(http, uow, lien, maria, next_monday):
    """A draft week for Maria (regular texture) from a small Flemish menu."""
    with uow:
        seed_catalogue(uow.session, SeedReport(), MENU)
        uow.commit()
    client = setup(http.post("/api/v1/clients", json=maria | {"allergies": ["fish"]}, headers=lien.headers))
    for type_, value in (("weight_kg", 61.5), ("height_cm", 162)):
        setup(http.post(f"/api/v1/clients/{client['id']}/measurements", headers=lien.headers,
                        json={"type": type_, "value": value, "measured_at": "2026-01-05T08:00:00+01:00"}))
    return setup(http.post(f"/api/v1/clients/{client['id']}/meal-plans", headers=lien.headers,
                           json={"week_start": next_monday.isoformat()}))


@pytest.fixture
def variants(http, lien):
    """Current variants by (dish name, texture level)."""
    dishes = http.get("/api/v1/dishes?page_size=100", headers=lien.headers).json
    return {(d["name"], v["food_level"] or v["drink_level"]): v for d in dishes for v in d["variants"]}


def lunch_main(plan, day=0):
    return next(i for i in plan["days"][day]["items"] if i["slot"] == "lunch" and i["course"] == "main")


def test_a_swap_locks_the_item_and_rejudges_the_day(http, lien, plan, variants):
    item = lunch_main(plan)
    hutsepot = variants[("Hutsepot met rundvlees en worst", "7")]["id"]
    if item["variant_id"] == hutsepot:
        hutsepot = variants[("Gentse waterzooi van kip", "7")]["id"]
    response = http.patch(f"/api/v1/meal-plans/{plan['id']}/items/{item['id']}", headers=lien.headers,
                          json={"variant_id": hutsepot})
    assert response.status_code == 200, response.json
    swapped = next(i for i in response.json["days"][0]["items"] if i["id"] == item["id"])
    assert swapped["variant_id"] == hutsepot and swapped["locked"] is True
    day = response.json["days"][0]
    assert day["feasible"] == (day["explanation"] is None)
    history = http.get(f"/api/v1/meal-plans/{plan['id']}/history", headers=lien.headers).json
    assert history[-1]["action"] == "item_changed"
    assert history[-1]["detail"]["to"] == {"variant_id": hutsepot, "portions": 1.0, "locked": True}


def test_reoptimising_keeps_locked_items_and_replans_the_rest(http, lien, plan, variants, next_monday):
    base = f"/api/v1/meal-plans/{plan['id']}"
    kept = lunch_main(plan, 3)
    setup(http.patch(f"{base}/items/{kept['id']}", headers=lien.headers, json={"locked": True}))
    pudding = variants[("Vanillepudding", "7")]["id"]
    added = http.post(f"{base}/items", headers=lien.headers, json={
        "date": (next_monday + timedelta(days=1)).isoformat(), "slot": "snack", "variant_id": pudding})
    assert added.status_code == 201, added.json
    again = http.post(f"{base}/reoptimise", headers=lien.headers)
    assert again.status_code == 200, again.json
    days = again.json["days"]
    assert any(i["variant_id"] == kept["variant_id"] and i["locked"] for i in days[3]["items"])
    assert any(i["variant_id"] == pudding and i["locked"] for i in days[1]["items"])
    assert all(day["feasible"] for day in days)
    assert sum(i["locked"] for d in days for i in d["items"]) == 2
    removed = http.delete(f"{base}/items/{lunch_main(again.json, 3)['id']}", headers=lien.headers)
    assert all(i["course"] != "main" for i in removed.json["days"][3]["items"] if i["slot"] == "lunch")
    assert "No main dish for lunch" in removed.json["days"][3]["explanation"]


@pytest.mark.parametrize("variant, reason", [
    (("Vlaamse stoofvlees met wortelpuree", "4"), "Its texture is pureed (IDDSI 4)"),
    (("Zalm met prei en puree", "7"), "It contains fish, to which the client is allergic."),
    (("Water", "2"), "the client drinks thin (IDDSI 0) only"),
    (("Havermoutpap met melk", "7"), "It is not offered at lunch."),
    (("Appelmoes", "7"), "does not suit the preparation mode 'ready meals'"),
])
def test_a_lock_on_a_variant_the_client_may_not_have_is_refused(http, lien, plan, variants, variant, reason):
    item = lunch_main(plan)
    response = http.patch(f"/api/v1/meal-plans/{plan['id']}/items/{item['id']}", headers=lien.headers,
                          json={"variant_id": variants[variant]["id"]})
    assert response.status_code == 422
    assert any(reason in text for text in response.json["errors"]["variant_id"]), response.json
    unchanged = http.get(f"/api/v1/meal-plans/{plan['id']}", headers=lien.headers).json
    assert lunch_main(unchanged)["variant_id"] == item["variant_id"]


@pytest.mark.parametrize("body, field", [
    ({"variant_id": 999999}, "variant_id"),
    ({"variant_id": "12"}, "variant_id"),
    ({"portions": 0.3}, "portions"),
    ({"portions": -1}, "portions"),
    ({"colour": "red"}, "colour"),
])
def test_bad_item_changes_name_the_field(http, lien, plan, body, field):
    item = lunch_main(plan)
    response = http.patch(f"/api/v1/meal-plans/{plan['id']}/items/{item['id']}", headers=lien.headers, json=body)
    assert response.status_code == 422 and field in response.json["errors"], response.json


def test_bad_additions_and_unknown_items(http, world, lien, plan, variants, next_monday):
    base = f"/api/v1/meal-plans/{plan['id']}"
    water = variants[("Water", "0")]["id"]
    late = http.post(f"{base}/items", headers=lien.headers, json={
        "date": (next_monday + timedelta(days=7)).isoformat(), "slot": "lunch", "variant_id": water,
        "occurrence": 2})
    assert late.status_code == 422 and {"date", "slot"} <= set(late.json["errors"])
    half = http.post(f"{base}/items", headers=lien.headers, json={
        "date": next_monday.isoformat(), "slot": "lunch", "variant_id": water, "portions": 1.5})
    assert half.status_code == 422 and "portions" in half.json["errors"]  # a glass is whole
    assert http.patch(f"{base}/items/999999", headers=lien.headers, json={"locked": True}).status_code == 404
    retired = variants[("Thee", "0")]["id"]
    root = world.person("root", "admin", organisation=None)  # the shared catalogue's admin
    assert http.patch(f"/api/v1/dish-variants/{retired}", headers=root.headers,
                      json={"price_eur": "0.20"}).status_code == 200
    old = http.post(f"{base}/items", headers=lien.headers, json={
        "date": next_monday.isoformat(), "slot": "lunch", "variant_id": retired})
    assert old.status_code == 422 and "no longer offered" in old.json["errors"]["variant_id"][0]


def test_an_approved_plan_is_fixed_and_a_new_allergy_blocks_approval(http, lien, plan, variants):
    base = f"/api/v1/meal-plans/{plan['id']}"
    item = lunch_main(plan)
    setup(http.patch(f"{base}/items/{item['id']}", headers=lien.headers, json={"locked": True}))
    variant = http.get(f"/api/v1/dish-variants/{item['variant_id']}", headers=lien.headers).json
    allergen = variant["allergens"][0]
    setup(http.patch(f"/api/v1/clients/{plan['client_id']}", headers=lien.headers, json={"allergies": [allergen]}))
    for path in ("reoptimise", "approve"):
        blocked = http.post(f"{base}/{path}", headers=lien.headers)
        assert blocked.status_code == 409 and f"items.{item['id']}" in blocked.json["errors"]
    setup(http.patch(f"/api/v1/clients/{plan['client_id']}", headers=lien.headers, json={"allergies": ["fish"]}))
    assert http.post(f"{base}/approve", headers=lien.headers).status_code == 200
    for method, path, body in (("PATCH", f"items/{item['id']}", {"locked": False}), ("POST", "reoptimise", None),
                               ("DELETE", f"items/{item['id']}", None)):
        response = http.open(f"{base}/{path}", method=method, headers=lien.headers, json=body)
        assert response.status_code == 409 and response.json["errors"] == {"status": ["approved"]}
