"""A handover as a FHIR R4 Bundle (``collection``), built with fhir.resources' R4B models
(wire-compatible with R4 for these resources) and validated before it is stored: the
Patient; an Observation per weight of the trend (LOINC 29463-7) and per last screening
(``screening.fhir``); a NutritionOrder for the texture and diet (the approved plan's,
``mealplans.fhir``, or the record's IDDSI levels when there is no approved plan); a
Condition for a GLIM diagnosis of malnutrition; an AllergyIntolerance per allergy."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from fhir.resources.R4B.allergyintolerance import AllergyIntolerance
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.condition import Condition
from fhir.resources.R4B.nutritionorder import NutritionOrder
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.patient import Patient

from nutriplat.catalogue.vocabulary import DRINK_LEVEL_LABELS, FOOD_LEVEL_LABELS
from nutriplat.clients.models import Client, Measurement
from nutriplat.clock import now
from nutriplat.mealplans import fhir as mealplans_fhir
from nutriplat.mealplans.models import MealPlan
from nutriplat.screening import fhir as screening_fhir
from nutriplat.screening.models import Assessment, Screening

LOINC, SNOMED, UCUM = "http://loinc.org", "http://snomed.info/sct", "http://unitsofmeasure.org"
GENDER = {"male": "male", "female": "female", "other": "other"}
VITAL_SIGNS = {"system": "http://terminology.hl7.org/CodeSystem/observation-category",
               "code": "vital-signs", "display": "Vital Signs"}
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
MALNUTRITION = {"system": SNOMED, "code": "2492009", "display": "Nutritional disorder"}


def bundle(client: Client, on: date, *, plan: MealPlan | None, screenings: Sequence[Screening],
           glim: Assessment | None, weights: Sequence[Measurement]) -> dict[str, Any]:
    resources: list[dict[str, Any]] = [_patient(client)]
    resources += [_weight(client, m) for m in weights]
    resources += [screening_fhir.observation(s).model_dump(mode="json", exclude_none=True) for s in screenings]
    resources.append(_nutrition_order(client, on, plan))
    if glim is not None and glim.malnourished:
        resources.append(_condition(client, glim))
    resources += [_allergy(client, name) for name in client.allergies or []]
    body = {"resourceType": "Bundle", "id": f"handover-{client.id}-{on.isoformat()}", "type": "collection",
            "timestamp": now().isoformat(timespec="seconds"),
            "entry": [{"fullUrl": f"urn:nutriplat:{r['resourceType']}:{r['id']}", "resource": r}
                      for r in resources]}
    return Bundle.model_validate(body).model_dump(mode="json", exclude_none=True)


def _valid(model: Any, resource: dict[str, Any]) -> dict[str, Any]:
    cleaned = {key: value for key, value in resource.items() if value is not None}
    return model.model_validate(cleaned).model_dump(mode="json", exclude_none=True)


def _subject(client: Client) -> dict[str, str]:
    return {"reference": f"Patient/{client.id}"}


def _patient(client: Client) -> dict[str, Any]:
    address = {k: v for k, v in {"line": [client.street] if client.street else None,
                                 "postalCode": client.postal_code, "city": client.city,
                                 "country": client.country}.items() if v}
    return _valid(Patient, {
        "resourceType": "Patient", "id": str(client.id),
        "name": [{"given": [client.given_name], "family": client.family_name}],
        "gender": GENDER.get(client.sex, "unknown"), "birthDate": client.birth_date.isoformat(),
        "address": [address] if address else None})


def _weight(client: Client, measurement: Measurement) -> dict[str, Any]:
    return _valid(Observation, {
        "resourceType": "Observation", "id": f"weight-{measurement.id}", "status": "final",
        "category": [{"coding": [VITAL_SIGNS]}],
        "code": {"coding": [{"system": LOINC, "code": "29463-7", "display": "Body weight"}], "text": "Body weight"},
        "subject": _subject(client), "effectiveDateTime": measurement.measured_at.isoformat(),
        "valueQuantity": {"value": measurement.value, "unit": "kg", "system": UCUM, "code": "kg"}})


def _nutrition_order(client: Client, on: date, plan: MealPlan | None) -> dict[str, Any]:
    # The approved plan's order when its profile names the levels it was made for; else the
    # record's own levels (a plan row without them must not stop a transfer).
    if plan is not None and {"food_level", "drink_level", "allergies"} <= plan.profile.keys():
        return mealplans_fhir.nutrition_order(plan, client).model_dump(mode="json", exclude_none=True)
    food, drink = client.iddsi_food_level, client.iddsi_drink_level
    diet: dict[str, Any] = {}
    if food in mealplans_fhir.FOOD_TEXTURE:
        diet["texture"] = [{"modifier": _iddsi(mealplans_fhir.FOOD_TEXTURE[food], food, FOOD_LEVEL_LABELS[food])}]
    if drink in mealplans_fhir.DRINK_CONSISTENCY:
        diet["fluidConsistencyType"] = [
            _iddsi(mealplans_fhir.DRINK_CONSISTENCY[drink], drink, DRINK_LEVEL_LABELS[drink])]
    return _valid(NutritionOrder, {
        "resourceType": "NutritionOrder", "id": f"handover-diet-{client.id}", "status": "active",
        "intent": "order", "patient": _subject(client), "dateTime": on.isoformat(), "oralDiet": diet})


def _iddsi(code: str, level: str, label: str) -> dict[str, Any]:
    return {"coding": [{"system": SNOMED, "code": code, "display": f"IDDSI level {level} {label}"}],
            "text": f"IDDSI {level} {label}"}


def _condition(client: Client, glim: Assessment) -> dict[str, Any]:
    stage = f", stage {glim.stage}" if glim.stage else ""
    return _valid(Condition, {
        "resourceType": "Condition", "id": f"glim-{glim.id}",
        "clinicalStatus": {"coding": [{"system": CONDITION_CLINICAL, "code": "active"}]},
        "verificationStatus": {"coding": [{"system": CONDITION_VERIFICATION, "code": "confirmed"}]},
        "category": [{"coding": [{"system": CONDITION_CATEGORY, "code": "encounter-diagnosis"}]}],
        "code": {"coding": [MALNUTRITION, {"system": screening_fhir.LOCAL_SYSTEM, "code": "glim.malnourished"}],
                 "text": f"Malnutrition (GLIM criteria{stage})"},
        "subject": _subject(client), "recordedDate": glim.assessed_at.isoformat()})


def _allergy(client: Client, name: str) -> dict[str, Any]:
    return _valid(AllergyIntolerance, {
        "resourceType": "AllergyIntolerance", "id": f"allergy-{client.id}-{name}",
        "clinicalStatus": {"coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "code": "active"}]},
        "code": {"coding": [{"system": mealplans_fhir.ALLERGEN_SYSTEM, "code": name}], "text": name},
        "criticality": "high", "patient": _subject(client)})
