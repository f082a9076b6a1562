"""Weekly meal plans through the API: the interface of issue 4, who sees what, approval,
revisions and history, bad input, and the FHIR NutritionOrder."""
from datetime import timedelta

import pytest
from fhir.resources.R4B.nutritionorder import NutritionOrder
from sqlalchemy import select

from nutriplat.auth.models import AuditEntry
from tests.setup_calls import setup
from tools.demo.catalogue.seed import seed_catalogue
from tools.demo.seed import SeedReport

MENU = ("Vlaamse stoofvlees met wortelpuree", "Vol-au-vent met kip en champignons",
        "Hutsepot met rundvlees en worst", "Gentse waterzooi van kip",
        "Balletjes in tomatensaus met puree", "Kalkoengebraad met appelmoes en puree",
        "Zalm met prei en puree", "Boterham met jonge kaas", "Havermoutpap met melk",
        "Havermoutpap met sojadrink", "Rijstpap met bruine suiker", "Groentesoep",
        "Erwtensoep met hesp", "Preisoep", "Chocolademousse", "Appelmoes", "Vanillepudding",
        "Fruitmoes van peer en banaan", "Yoghurt met honing", "Water", "Halfvolle melk", "Thee",
        "Drinkvoeding compact eiwitrijk", "Eiwitcrème vanille")
TARGETED = {"energy_kcal", "protein_g", "fluid_ml"}


@pytest.fixture
def lien(world):
    return world.person("lien", "dietitian")


@pytest.fixture
def client(http, uow, lien, maria):
    """Maria, active, measured, and a small Flemish menu to plan from."""
    with uow:
        seed_catalogue(uow.session, SeedReport(), MENU)
        uow.commit()
    created = setup(http.post("/api/v1/clients", json=maria | {"status": "active"}, headers=lien.headers))
    for type_, value in (("weight_kg", 61.5), ("height_cm", 162)):
        setup(http.post(f"/api/v1/clients/{created['id']}/measurements", headers=lien.headers,
                        json={"type": type_, "value": value, "measured_at": "2026-01-05T08:00:00+01:00"}))
    return created


def make_plan(http, person, client, week):
    response = http.post(f"/api/v1/clients/{client['id']}/meal-plans", headers=person.headers,
                         json={"week_start": week.isoformat()})
    assert response.status_code == 201, response.json
    return response.json


def test_a_plan_has_the_interface_of_the_issue(http, lien, client, next_monday):
    plan = make_plan(http, lien, client, next_monday)
    assert plan["status"] == "draft" and plan["revision"] == 1 and plan["feasible"] is True
    assert [d["date"] for d in plan["days"]] == [(next_monday + timedelta(days=i)).isoformat() for i in range(7)]
    for day in plan["days"]:
        assert day["feasible"] is True and day["explanation"] is None
        assert set(day["totals"]) >= TARGETED and set(day["targets"]) == TARGETED
        assert day["targets"] == {"energy_kcal": 1850.0, "protein_g": 62.0, "fluid_ml": 1600.0}
        assert 1850 <= day["totals"]["energy_kcal"] <= 2220 and day["totals"]["protein_g"] >= 62
        assert {item["slot"] for item in day["items"]} == {"breakfast", "lunch", "snack", "dinner"}
        for item in day["items"]:
            assert {"slot", "variant_id", "portions"} <= set(item)
    assert plan["week"]["targets"]["energy_kcal"] == 7 * 1850 and plan["week"]["feasible_days"] == 7
    variant = http.get(f"/api/v1/dish-variants/{plan['days'][0]['items'][0]['variant_id']}",
                       headers=lien.headers).json
    assert variant["food_level"] in ("7", "7EC") and variant["drink_level"] is None


def test_texture_and_allergies_come_from_the_client_record(http, lien, client, next_monday):
    setup(http.patch(f"/api/v1/clients/{client['id']}", headers=lien.headers,
                     json={"iddsi_food_level": "4", "iddsi_drink_level": "2", "allergies": ["milk"]}))
    plan = make_plan(http, lien, client, next_monday)
    for day in plan["days"]:
        for item in day["items"]:
            variant = http.get(f"/api/v1/dish-variants/{item['variant_id']}", headers=lien.headers).json
            assert variant["food_level"] == "4" or variant["drink_level"] == "2"
            assert "milk" not in variant["allergens"]


def test_an_unreachable_week_says_why_in_words(http, lien, client, next_monday):
    setup(http.patch(f"/api/v1/clients/{client['id']}", headers=lien.headers,
                     json={"iddsi_food_level": "3", "allergies": ["milk", "gluten"]}))
    setup(http.put(f"/api/v1/clients/{client['id']}/diet-profile", headers=lien.headers,
                   json={"allow_supplements": False}))
    plan = make_plan(http, lien, client, next_monday)
    assert plan["feasible"] is False and plan["week"]["feasible_days"] == 0
    day = plan["days"][0]
    assert day["feasible"] is False
    assert "No main dish for breakfast: none of the" in day["explanation"]
    assert "liquidised (IDDSI 3) main dishes is free of gluten and milk" in day["explanation"]


def test_the_diet_profile_shapes_the_day(http, lien, client, next_monday):
    base = f"/api/v1/clients/{client['id']}/diet-profile"
    profile = http.get(base, headers=lien.headers).json
    assert profile["slots"] == ["breakfast", "lunch", "snack", "dinner"] and profile["targets"]["protein_g"] == 62
    small = http.put(base, headers=lien.headers, json={
        "slots": ["breakfast", "snack", "lunch", "snack", "dinner"], "appetite_factor": 0.75,
        "preferences": ["stoofvlees"], "weekly_budget_eur": "150.00"})
    assert small.status_code == 200 and small.json["weekly_budget_eur"] == "150.00"
    plan = make_plan(http, lien, client, next_monday)
    snacks = {i["occurrence"] for i in plan["days"][0]["items"] if i["slot"] == "snack"}
    assert snacks == {1, 2}
    mains = [i for d in plan["days"] for i in d["items"] if i["course"] == "main"]
    assert {i["portions"] for i in mains} == {0.75}
    assert plan["week"]["budget_eur"] == "150.00" and plan["profile"]["appetite_factor"] == 0.75


@pytest.mark.parametrize("body, field", [
    ({"slots": ["lunch", "breakfast"]}, "slots"),
    ({"slots": ["snack"] * 4}, "slots"),
    ({"slots": []}, "slots"),
    ({"appetite_factor": 0.6}, "appetite_factor"),
    ({"appetite_factor": 3}, "appetite_factor"),
    ({"weekly_budget_eur": -5}, "weekly_budget_eur"),
    ({"max_supplements_per_day": 9}, "max_supplements_per_day"),
    ({"allergies": ["milk"]}, "allergies"),  # the record holds allergies
])
def test_bad_diet_profiles_name_the_field(http, lien, client, body, field):
    response = http.put(f"/api/v1/clients/{client['id']}/diet-profile", headers=lien.headers, json=body)
    assert response.status_code == 422 and field in response.json["errors"]


@pytest.mark.parametrize("body, field", [
    ({"week_start": 1}, "week_start"),  # a number: that many days after next Monday
    ({"week_start": "2026-13-01"}, "week_start"),
    ({"week_start": 700}, "week_start"),
    ({}, "week_start"),
    ({"week_start": 0, "approve": True}, "approve"),
])
def test_bad_plan_requests_name_the_field(http, lien, client, body, field, next_monday):
    if isinstance(body.get("week_start"), int):
        body = body | {"week_start": (next_monday + timedelta(days=body["week_start"])).isoformat()}
    response = http.post(f"/api/v1/clients/{client['id']}/meal-plans", headers=lien.headers, json=body)
    assert response.status_code == 422 and field in response.json["errors"], response.json


def test_unknown_client_and_missing_measurements(http, lien, client, maria, next_monday):
    unknown = http.post("/api/v1/clients/999999/meal-plans", headers=lien.headers,
                        json={"week_start": next_monday.isoformat()})
    assert unknown.status_code == 404
    new = setup(http.post("/api/v1/clients", json=maria, headers=lien.headers))
    response = http.post(f"/api/v1/clients/{new['id']}/meal-plans", headers=lien.headers,
                         json={"week_start": next_monday.isoformat()})
    assert response.status_code == 422 and {"weight_kg", "height_cm"} <= set(response.json["errors"])
    assert http.get(f"/api/v1/clients/{new['id']}/meal-plans", headers=lien.headers).json == []
    assert http.get("/api/v1/meal-plans/999999", headers=lien.headers).status_code == 404


def test_approval_supersedes_and_the_history_tells_it_all(http, lien, client, world, next_monday):
    first = make_plan(http, lien, client, next_monday)
    approved = http.post(f"/api/v1/meal-plans/{first['id']}/approve", headers=lien.headers, json={})
    assert approved.status_code == 200 and approved.json["status"] == "approved"
    assert approved.json["approved_by"] == lien.id
    assert http.post(f"/api/v1/meal-plans/{first['id']}/approve", headers=lien.headers).status_code == 409
    draft = make_plan(http, lien, client, next_monday)
    newer = make_plan(http, lien, client, next_monday)  # a second draft replaces the first draft
    assert http.get(f"/api/v1/meal-plans/{draft['id']}", headers=lien.headers).json["status"] == "superseded"
    setup(http.post(f"/api/v1/meal-plans/{newer['id']}/approve", headers=lien.headers, json={"note": "ok"}))
    old = http.get(f"/api/v1/meal-plans/{first['id']}", headers=lien.headers).json
    assert old["status"] == "superseded" and old["superseded_by_id"] == newer["id"]
    history = http.get(f"/api/v1/meal-plans/{newer['id']}/history", headers=lien.headers).json
    assert [(e["revision"], e["action"]) for e in history] == [
        (1, "created"), (1, "approved"), (2, "created"), (3, "created"), (2, "superseded"),
        (3, "approved"), (1, "superseded")]
    listed = http.get(f"/api/v1/clients/{client['id']}/meal-plans?status=approved", headers=lien.headers)
    assert [p["id"] for p in listed.json] == [newer["id"]]


def test_a_revision_copies_an_approved_plan_into_a_new_draft(http, lien, client, next_monday):
    plan = make_plan(http, lien, client, next_monday)
    assert http.post(f"/api/v1/meal-plans/{plan['id']}/revisions", headers=lien.headers).status_code == 409
    setup(http.post(f"/api/v1/meal-plans/{plan['id']}/approve", headers=lien.headers))
    revision = http.post(f"/api/v1/meal-plans/{plan['id']}/revisions", headers=lien.headers)
    assert revision.status_code == 201, revision.json
    copy = revision.json
    assert copy["status"] == "draft" and copy["revises_id"] == plan["id"] and copy["revision"] == 2
    assert [[i["variant_id"] for i in d["items"]] for d in copy["days"]] == \
        [[i["variant_id"] for i in d["items"]] for d in plan["days"]]


def test_who_sees_a_plan(http, lien, client, world, next_monday):
    plan = make_plan(http, lien, client, next_monday)
    carer = world.person("carer", "caregiver", organisation=None)
    setup(http.post(f"/api/v1/clients/{client['id']}/mandates", headers=lien.headers,
                    json={"caregiver_id": carer.id, "scopes": ["view"]}))
    url = f"/api/v1/meal-plans/{plan['id']}"
    assert http.get(url, headers=carer.headers).status_code == 404  # a draft is not for family yet
    setup(http.post(f"{url}/approve", headers=lien.headers))
    assert http.get(url, headers=carer.headers).json["status"] == "approved"
    assert http.get(f"/api/v1/clients/{client['id']}/diet-profile", headers=carer.headers).status_code == 200
    stranger = world.person("other-dietitian", "dietitian", organisation="Provider B")
    assert http.get(url, headers=stranger.headers).status_code == 404
    for role in ("admin", "logistics"):
        assert http.get(url, headers=world.person(f"x-{role}", role).headers).status_code == 403
    with world.uow as uow:
        actions = set(uow.session.scalars(select(AuditEntry.action).where(
            AuditEntry.resource == "meal_plan", AuditEntry.client_id == client["id"])))
    assert {"create", "approve", "read"} <= actions


def test_the_fhir_nutrition_order_of_an_approved_plan(http, lien, client, next_monday):
    setup(http.patch(f"/api/v1/clients/{client['id']}", headers=lien.headers,
                     json={"iddsi_food_level": "4", "iddsi_drink_level": "2", "allergies": ["fish"]}))
    plan = make_plan(http, lien, client, next_monday)
    url = f"/api/v1/meal-plans/{plan['id']}/fhir"
    assert http.get(url, headers=lien.headers).status_code == 409  # a draft is no order
    setup(http.post(f"/api/v1/meal-plans/{plan['id']}/approve", headers=lien.headers))
    response = http.get(url, headers=lien.headers)
    assert response.status_code == 200 and response.mimetype == "application/fhir+json"
    order = NutritionOrder.model_validate(response.json)  # R4 NutritionOrder (fhir.resources R4B)
    assert order.status == "active" and order.intent == "order"
    assert order.patient.reference == f"Patient/{client['id']}"
    assert order.oralDiet.texture[0].modifier.coding[0].code == "1237447009"  # IDDSI 4 pureed food
    assert order.oralDiet.fluidConsistencyType[0].coding[0].code == "1237442003"  # IDDSI 2 mildly thick
    amounts = {n.modifier.coding[0].display: n.amount.value for n in order.oralDiet.nutrient}
    assert amounts == {"Energy": 1850, "Protein": 62, "Fluid": 1600}
    assert [a.reference for a in order.allergyIntolerance] == ["#allergy-fish"]
    assert order.excludeFoodModifier[0].text == "fish"
