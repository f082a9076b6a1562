"""Issue 19 item 5: every care-setting transfer produces a handover — texture and drink
level, allergies, targets, the approved plan, last screenings and GLIM, weight trend, open
alerts — kept as it was handed over, and as a FHIR R4 Bundle that validates."""
from __future__ import annotations

from fhir.resources.R4B.bundle import Bundle

from tests.api.test_bad_input import assert_error
from tests.setup_calls import setup

GLIM_ANSWERS = {"reduced_muscle_mass": "mild_moderate", "reduced_intake": True, "inflammation": False}
MNA_SF = {"food_intake_decline": "moderate", "weight_loss": "more_than_3kg", "mobility": "goes_out",
          "acute_stress_or_disease": False, "neuropsychological": "none"}


def _transfer(http, who, client_id, to_setting, on):
    return setup(http.post(f"/api/v1/clients/{client_id}/care-setting-transfers", headers=who.headers,
                           json={"to_setting": to_setting, "transferred_on": on.isoformat(),
                                 "reason": "fall at home"}))


def _handovers(http, who, client_id):
    return setup(http.get(f"/api/v1/clients/{client_id}/handovers", headers=who.headers))


def _resources(bundle):
    Bundle.model_validate(bundle)  # the whole bundle, every resource in it, is valid FHIR R4
    found: dict[str, list] = {}
    for entry in bundle["entry"]:
        found.setdefault(entry["resource"]["resourceType"], []).append(entry["resource"])
    return found


def test_a_transfer_hands_over_the_care_record_as_a_document_and_a_fhir_bundle(
        http, lien, measured_client, draft_plan, today):
    client_id = measured_client
    setup(http.post(f"/api/v1/meal-plans/{draft_plan['id']}/approve", headers=lien.headers, json={}))
    setup(http.patch(f"/api/v1/clients/{client_id}", headers=lien.headers,
                     json={"allergies": ["milk"], "iddsi_food_level": "6", "iddsi_drink_level": "1"}))
    setup(http.post(f"/api/v1/clients/{client_id}/screenings", headers=lien.headers,
                    json={"instrument": "mna_sf", "answers": MNA_SF, "performed_at": "2026-11-21T10:00:00+01:00"}))
    glim = setup(http.post(f"/api/v1/clients/{client_id}/assessments", headers=lien.headers,
                           json={"method": "glim", "answers": GLIM_ANSWERS,
                                 "assessed_at": "2026-11-21T11:00:00+01:00"}))

    move = _transfer(http, lien, client_id, "hospital", today)
    [handover] = _handovers(http, lien, client_id)
    assert (handover["transfer_id"], handover["from_setting"], handover["to_setting"],
            handover["transferred_on"]) == (move["id"], "home", "hospital", today.isoformat())
    document = handover["document"]
    assert document["texture"] == {"iddsi_food_level": "6", "iddsi_drink_level": "1"}
    assert document["allergies"] == ["milk"]
    assert set(document["targets"]) == {"energy_kcal", "protein_g", "fluid_ml"}
    assert document["meal_plan"]["id"] == draft_plan["id"]
    assert [s["instrument"] for s in document["screenings"]] == ["mna_sf"]
    assert document["glim"]["id"] == glim["id"] and document["glim"]["malnourished"] is True
    assert document["weight_trend"]["weights"][-1]["kg"] == 61.6
    assert isinstance(document["open_alerts"], list)

    resources = _resources(handover["fhir_bundle"])
    assert handover["fhir_bundle"]["type"] == "collection"
    assert resources["Patient"][0]["id"] == str(client_id)
    codes = {c["code"] for o in resources["Observation"] for c in o["code"]["coding"]}
    assert {"29463-7", "107107-5"} <= codes  # a body weight and the MNA-SF
    [order] = resources["NutritionOrder"]
    assert order["id"] == f"meal-plan-{draft_plan['id']}"
    [condition] = resources["Condition"]
    assert condition["id"] == f"glim-{glim['id']}"
    assert [a["code"]["text"] for a in resources["AllergyIntolerance"]] == ["milk"]


def test_the_handover_stays_what_was_handed_over_and_each_transfer_has_its_own(
        http, lien, measured_client, today):
    _transfer(http, lien, measured_client, "hospital", today)
    setup(http.patch(f"/api/v1/clients/{measured_client}", headers=lien.headers, json={"allergies": ["eggs"]}))
    _transfer(http, lien, measured_client, "home", today)
    back, first = _handovers(http, lien, measured_client)  # newest first
    assert (first["to_setting"], first["document"]["allergies"]) == ("hospital", [])
    assert (back["to_setting"], back["document"]["allergies"]) == ("home", ["eggs"])
    assert first["document"]["meal_plan"] is None and first["document"]["glim"] is None
    resources = _resources(first["fhir_bundle"])
    assert "Condition" not in resources and "AllergyIntolerance" not in resources
    [order] = resources["NutritionOrder"]  # no approved plan: the record's texture
    assert order["oralDiet"]["texture"][0]["modifier"]["text"].startswith("IDDSI 7")


def test_a_caregiver_reads_with_a_view_mandate_and_others_get_404(http, world, lien, measured_client, today):
    _transfer(http, lien, measured_client, "hospital", today)
    anna, bart = (world.person(name, "caregiver", organisation=None) for name in ("anna", "bart"))
    setup(http.post(f"/api/v1/clients/{measured_client}/mandates", headers=lien.headers,
                    json={"caregiver_id": anna.id, "scopes": ["view"]}))
    assert len(_handovers(http, anna, measured_client)) == 1
    assert_error(http.get(f"/api/v1/clients/{measured_client}/handovers", headers=bart.headers), 404)
    stranger = world.person("dietist.b", "dietitian", organisation="Provider B")
    assert_error(http.get(f"/api/v1/clients/{measured_client}/handovers", headers=stranger.headers), 404)
    driver = world.person("logistiek", "logistics")
    assert_error(http.get(f"/api/v1/clients/{measured_client}/handovers", headers=driver.headers), 403)


def test_a_handover_prints_as_it_was_handed_over(http, world, lien, measured_client, today):
    setup(http.patch(f"/api/v1/clients/{measured_client}", headers=lien.headers, json={"allergies": ["milk"]}))
    _transfer(http, lien, measured_client, "hospital", today)
    [handover] = _handovers(http, lien, measured_client)
    setup(http.patch(f"/api/v1/clients/{measured_client}", headers=lien.headers, json={"allergies": ["fish"]}))
    page = http.get(f"/api/v1/clients/{measured_client}/handovers/{handover['id']}/print", headers=lien.headers)
    assert page.status_code == 200 and page.mimetype == "text/html"
    text = page.get_data(as_text=True)
    assert "Handover: Maria Vandenberghe" in text and "to hospital" in text
    assert "milk" in text and "fish" not in text and "61.6 kg" in text
    stranger = world.person("dietist.b", "dietitian", organisation="Provider B")
    assert_error(http.get(f"/api/v1/clients/{measured_client}/handovers/{handover['id']}/print",
                          headers=stranger.headers), 404)
    assert_error(http.get(f"/api/v1/clients/{measured_client}/handovers/999999/print", headers=lien.headers), 404)
