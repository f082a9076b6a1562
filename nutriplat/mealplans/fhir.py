"""A meal plan's diet as a FHIR R4 NutritionOrder, built with fhir.resources' R4B models
(wire-compatible with R4 for NutritionOrder).

Texture: the IDDSI SNOMED CT codes of spec/food.md, the food level in
``oralDiet.texture.modifier`` and the drink level in ``oralDiet.fluidConsistencyType``.
Allergies: contained AllergyIntolerance resources (EU-14 identifiers, code system
``ALLERGEN_SYSTEM``) and ``excludeFoodModifier``. Targets: mean daily energy and protein
(local codes; the FHIR example value set has no concept for them) and fluid (SNOMED CT
33463005, the value set's "Fluid"). Oral nutritional supplements planned: ``supplement``."""
from __future__ import annotations

from collections import Counter
from statistics import mean
from typing import Any

from fhir.resources.R4B.nutritionorder import NutritionOrder

from nutriplat.catalogue.vocabulary import DRINK_LEVEL_LABELS, FOOD_LEVEL_LABELS
from nutriplat.clients.models import Client
from nutriplat.mealplans.models import MealPlan

SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
NUTRIENT_SYSTEM = "urn:nutriplat:codesystem:nutrient"
ALLERGEN_SYSTEM = "urn:nutriplat:codesystem:eu-allergen"
FOOD_TEXTURE = {"3": "1237444002", "4": "1237447009", "5": "1237448004", "6": "1237449007",
                "7": "1237451006", "7EC": "1237450007"}
DRINK_CONSISTENCY = {"0": "1231508001", "1": "1237441005", "2": "1237442003", "3": "1237444002",
                     "4": "1237446000"}
STATUS = {"draft": "draft", "approved": "active", "superseded": "revoked"}


def nutrition_order(plan: MealPlan, client: Client) -> NutritionOrder:
    profile = plan.profile
    food, drink = profile["food_level"], profile["drink_level"]
    allergies = profile["allergies"]
    body: dict[str, Any] = {
        "resourceType": "NutritionOrder",
        "id": f"meal-plan-{plan.id}",
        "identifier": [{"system": "urn:nutriplat:meal-plan", "value": str(plan.id)}],
        "status": STATUS[plan.status],
        "intent": "order",
        "patient": {"reference": f"Patient/{client.id}",
                    "display": f"{client.given_name} {client.family_name}"},
        "dateTime": (plan.approved_at or plan.created_at).isoformat(),
        "contained": [_allergy(client, name) for name in allergies] or None,
        "allergyIntolerance": [{"reference": f"#allergy-{name}"} for name in allergies] or None,
        "excludeFoodModifier": [{"coding": [_allergen(name)], "text": name} for name in allergies] or None,
        "oralDiet": {
            "type": [{"text": f"Personalised weekly meal plan, IDDSI food level {food}"}],
            "schedule": [{"repeat": {"boundsPeriod": {
                "start": plan.week_start.isoformat(), "end": plan.days[-1].date.isoformat()}}}],
            "nutrient": _targets(plan),
            "texture": [{"modifier": {"coding": [{"system": SNOMED, "code": FOOD_TEXTURE[food],
                                                  "display": f"IDDSI level {food} {FOOD_LEVEL_LABELS[food]}"}],
                                      "text": f"IDDSI {food} {FOOD_LEVEL_LABELS[food]}"}}],
            "fluidConsistencyType": [{"coding": [{"system": SNOMED, "code": DRINK_CONSISTENCY[drink],
                                                  "display": f"IDDSI level {drink} {DRINK_LEVEL_LABELS[drink]}"}],
                                      "text": f"IDDSI {drink} {DRINK_LEVEL_LABELS[drink]}"}],
        },
        "supplement": _supplements(plan) or None,
    }
    if plan.approved_by is not None:
        body["orderer"] = {"reference": f"Practitioner/{plan.approved_by}"}
    return NutritionOrder.model_validate({k: v for k, v in body.items() if v is not None})


def _allergen(name: str) -> dict[str, str]:
    return {"system": ALLERGEN_SYSTEM, "code": name}


def _allergy(client: Client, name: str) -> dict[str, Any]:
    return {"resourceType": "AllergyIntolerance", "id": f"allergy-{name}",
            "code": {"coding": [_allergen(name)], "text": name},
            "criticality": "high", "patient": {"reference": f"Patient/{client.id}"}}


def _amount(value: float, unit: str, ucum: str) -> dict[str, Any]:
    return {"value": round(value), "unit": unit, "system": UCUM, "code": ucum}


def _targets(plan: MealPlan) -> list[dict[str, Any]]:
    days = plan.days
    return [
        {"modifier": {"coding": [{"system": NUTRIENT_SYSTEM, "code": "energy_kcal", "display": "Energy"}]},
         "amount": _amount(mean(d.energy_kcal_target for d in days), "kcal", "kcal")},
        {"modifier": {"coding": [{"system": NUTRIENT_SYSTEM, "code": "protein_g", "display": "Protein"}]},
         "amount": _amount(mean(d.protein_g_target for d in days), "g", "g")},
        {"modifier": {"coding": [{"system": SNOMED, "code": "33463005", "display": "Fluid"}]},
         "amount": _amount(mean(d.fluid_ml_target for d in days), "mL", "mL")},
    ]


def _supplements(plan: MealPlan) -> list[dict[str, Any]]:
    servings: Counter[str] = Counter()
    for day in plan.days:
        for item in day.items:
            if item.variant.course == "supplement":
                servings[item.variant.name] += round(item.portions)
    return [{"productName": name, "quantity": {"value": 1, "unit": "serving"},
             "instruction": f"{count} serving{'s' if count > 1 else ''} this week as planned."}
            for name, count in sorted(servings.items())]
