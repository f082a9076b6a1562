"""Issue 14, hole 4: the catalogue every organisation plans from is changed only by the
admins of its owner, and what makes a variant safe for someone (its allergens, a texture
newly offered) applies only once a second admin has approved it."""
import pytest
from sqlalchemy import select

from nutriplat.auth.actor import SYSTEM
from nutriplat.auth.models import AuditEntry
from nutriplat.catalogue.schemas.dishes import DishSchema
from nutriplat.catalogue.services import add_dish
from tests.setup_calls import setup

NUTRIENTS = {"energy_kcal": 300, "protein_g": 4, "fat_g": 12, "carbohydrate_g": 40, "fibre_g": 1,
             "fluid_ml": 120, "sodium_mg": 90}
MOUSSE = {"name": "Chocolademousse", "kind": "ready_meal", "course": "dessert", "variants": [
    {"food_level": "4", "allergens": ["milk", "eggs"], "slots": ["lunch", "dinner"], "nutrients": NUTRIENTS,
     "price_eur": "2.40", "storage_class": "chilled", "volume_l": 0.12, "shelf_life_days": 5}]}


@pytest.fixture
def shared_mousse(uow):
    """A dish of the platform's shared catalogue, loaded as the demo loads it."""
    with uow:
        dish = add_dish(uow.session, SYSTEM, DishSchema().load(MOUSSE))
        uow.commit()
        return dish.current_variants[0].id


def variant(http, person, variant_id):
    return http.get(f"/api/v1/dish-variants/{variant_id}", headers=person.headers).json


def test_no_one_of_another_organisation_makes_a_shared_dish_allergen_free(http, world, shared_mousse):
    for role in ("dietitian", "admin", "logistics"):
        intruder = world.person(f"b-{role}", role, organisation="Provider B")
        response = http.patch(f"/api/v1/dish-variants/{shared_mousse}", headers=intruder.headers,
                              json={"allergens": []})
        assert response.status_code == 403, (role, response.json)
        assert http.delete(f"/api/v1/dish-variants/{shared_mousse}", headers=intruder.headers).status_code == 403
    unchanged = variant(http, intruder, shared_mousse)
    assert unchanged["current"] is True and unchanged["allergens"] == ["milk", "eggs"]


def test_an_allergen_change_applies_only_when_a_second_admin_approves_it(http, world, uow, shared_mousse):
    root, second = (world.person(name, "admin", organisation=None) for name in ("root", "root-two"))
    proposed = http.patch(f"/api/v1/dish-variants/{shared_mousse}", headers=root.headers,
                          json={"allergens": ["milk"], "price_eur": "2.50"})
    assert proposed.status_code == 202 and proposed.json["status"] == "pending"
    assert proposed.json["proposed_by"] == root.id and proposed.json["changes"]["allergens"] == ["milk"]
    still = variant(http, root, shared_mousse)
    assert still["current"] is True and still["allergens"] == ["milk", "eggs"] and still["price_eur"] == "2.40"
    change = proposed.json["id"]
    own = http.post(f"/api/v1/catalogue-changes/{change}/approve", headers=root.headers)
    assert own.status_code == 403 and "second admin" in own.json["message"]
    listed = http.get("/api/v1/catalogue-changes?status=pending", headers=second.headers).json
    assert [c["id"] for c in listed] == [change]
    approved = http.post(f"/api/v1/catalogue-changes/{change}/approve", headers=second.headers)
    assert approved.status_code == 200 and approved.json["decided_by"] == second.id
    new = variant(http, root, approved.json["result_variant_id"])
    assert new["allergens"] == ["milk"] and new["price_eur"] == "2.50" and new["version"] == 2
    assert variant(http, root, shared_mousse)["replaced_by_id"] == new["id"]
    twice = http.post(f"/api/v1/catalogue-changes/{change}/approve", headers=second.headers)
    assert twice.status_code == 409
    with uow:
        steps = uow.session.execute(select(AuditEntry.action, AuditEntry.username).where(
            AuditEntry.resource == "catalogue_change").order_by(AuditEntry.id)).all()
    assert steps == [("propose", "root"), ("approve", "root-two")]


def test_an_organisations_dishes_are_its_admins_and_a_new_texture_waits_too(http, world):
    ada, bea = world.person("ada", "admin"), world.person("bea", "admin")
    otto = world.person("otto", "admin", organisation="Provider B")
    dish = setup(http.post("/api/v1/dishes", headers=ada.headers, json=MOUSSE | {"variants": []}))
    assert dish["owner_organisation_id"] == ada.organisation_id
    body = MOUSSE["variants"][0]
    proposed = http.post(f"/api/v1/dishes/{dish['id']}/variants", headers=ada.headers, json=body)
    assert proposed.status_code == 202
    assert http.get(f"/api/v1/dishes/{dish['id']}", headers=ada.headers).json["variants"] == []
    change = proposed.json["id"]
    assert http.get(f"/api/v1/catalogue-changes/{change}", headers=otto.headers).status_code == 404
    assert http.get("/api/v1/catalogue-changes", headers=otto.headers).json == []
    assert http.post(f"/api/v1/catalogue-changes/{change}/approve", headers=otto.headers).status_code == 404
    assert http.post(f"/api/v1/dishes/{dish['id']}/variants", headers=otto.headers, json=body).status_code == 403
    assert http.patch(f"/api/v1/dishes/{dish['id']}", headers=otto.headers, json={"description": "x"}
                      ).status_code == 403
    assert http.post(f"/api/v1/catalogue-changes/{change}/approve", headers=bea.headers).status_code == 200
    current = http.get(f"/api/v1/dishes/{dish['id']}", headers=ada.headers).json["variants"]
    assert [v["food_level"] for v in current] == ["4"]
    price = http.patch(f"/api/v1/dish-variants/{current[0]['id']}", headers=ada.headers, json={"price_eur": "2.60"})
    assert price.status_code == 200 and price.json["version"] == 2  # no allergen or texture: at once


def test_a_proposal_is_withdrawn_by_its_author_and_a_stale_one_is_refused(http, world, shared_mousse):
    root, second = (world.person(name, "admin", organisation=None) for name in ("root", "root-two"))
    drop = setup(http.patch(f"/api/v1/dish-variants/{shared_mousse}", headers=root.headers, json={"allergens": []}))
    withdrawn = http.post(f"/api/v1/catalogue-changes/{drop['id']}/reject", headers=root.headers,
                          json={"note": "typo"})
    assert withdrawn.status_code == 200 and withdrawn.json["status"] == "rejected"
    assert http.post(f"/api/v1/catalogue-changes/{drop['id']}/approve", headers=second.headers).status_code == 409
    stale = setup(http.patch(f"/api/v1/dish-variants/{shared_mousse}", headers=root.headers,
                             json={"allergens": ["milk"]}))
    setup(http.patch(f"/api/v1/dish-variants/{shared_mousse}", headers=second.headers, json={"price_eur": "3.00"}))
    refused = http.post(f"/api/v1/catalogue-changes/{stale['id']}/approve", headers=second.headers)
    assert refused.status_code == 409 and "older version" in refused.json["message"]
    assert http.get("/api/v1/catalogue-changes/999999", headers=root.headers).status_code == 404
