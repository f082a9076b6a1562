"""Screenings end to end: each instrument, derived inputs, corrections, care-plan mark."""
import pytest
from fhir.resources.R4B.observation import Observation

from tests.setup_calls import setup


def screen(http, dora, weighed_maria, instrument, answers, when="2026-11-21T10:00:00+01:00", **extra):
    return http.post(f"/api/v1/clients/{weighed_maria}/screenings", headers=dora.headers,
                     json={"instrument": instrument, "answers": answers, "performed_at": when} | extra)


def test_must_derives_bmi_and_weight_loss_from_the_stored_history(http, dora, weighed_maria):
    response = screen(http, dora, weighed_maria, "must", {"acute_disease_no_intake_5_days": False})
    assert response.status_code == 201, response.json
    result = response.json
    assert result["derived"]["bmi"]["value"] == 23.5          # 61.6 / 1.62², half-up
    assert result["derived"]["weight_loss_percent"]["value"] == 12.0  # 70.0 → 61.6
    assert result["components"] == {"bmi": 0, "weight_loss_percent": 2,
                                    "acute_disease_no_intake_5_days": 0}
    assert (result["total_score"], result["risk"]) == (2, "high")
    assert result["next_due"] == "2026-12-21"                  # home, high: +1 month
    sources = result["derived"]["bmi"]["from"]
    assert {s["fact"] for s in sources} == {"weight_kg", "height_cm"}
    assert all("measurement_id" in s for s in sources)


def test_a_caller_value_wins_over_the_derived_one(http, dora, weighed_maria):
    result = screen(http, dora, weighed_maria, "must", {
        "bmi": 18.0, "weight_loss_percent": 0.0, "acute_disease_no_intake_5_days": False}).json
    assert result["derived"] == {} and result["components"]["bmi"] == 2


@pytest.mark.parametrize("instrument, answers, total, risk", [
    ("mna_sf", {"food_intake_decline": "moderate", "weight_loss": "more_than_3kg", "mobility": "goes_out",
                "acute_stress_or_disease": False, "neuropsychological": "none"}, 10, "at_risk"),
    ("snaq", {"weight_loss": "more_than_6kg_last_6_months", "decreased_appetite_last_month": True,
              "supplements_or_tube_feeding_last_month": False}, 4, "severely_malnourished"),
    ("snaq65", {"muac_cm": 26.0, "poor_appetite_last_week": True,
                "difficulty_stairs_or_walking": True}, None, "red"),
    ("eat_10", {"items": [1, 0, 0, 1, 0, 2, 0, 0, 0, 0]}, 4, "swallowing_problem_suspected"),
    ("nrs_2002", {"bmi_below_20_5": False, "weight_loss_3_months": False,
                  "reduced_intake_last_week": False, "severely_ill": False}, None, "not_at_risk"),
])
def test_each_instrument_scores_end_to_end(http, dora, weighed_maria, instrument, answers, total, risk):
    response = screen(http, dora, weighed_maria, instrument, answers)
    assert response.status_code == 201, response.json
    assert (response.json["total_score"], response.json["risk"]) == (total, risk)
    listed = http.get(f"/api/v1/clients/{weighed_maria}/screenings", headers=dora.headers).json
    assert [s["id"] for s in listed] == [response.json["id"]]


def test_a_high_risk_marks_the_client_as_needing_a_care_plan_and_a_low_one_clears_it(
        http, dora, weighed_maria):
    screen(http, dora, weighed_maria, "must", {"acute_disease_no_intake_5_days": False})
    record = http.get(f"/api/v1/clients/{weighed_maria}", headers=dora.headers).json
    assert record["care_plan"]["needed"] is True
    assert record["care_plan"]["cause"].startswith("MUST high (score 2)")
    screen(http, dora, weighed_maria, "eat_10", {"items": [0] * 10}, when="2026-11-22T10:00:00+01:00")
    assert http.get(f"/api/v1/clients/{weighed_maria}", headers=dora.headers).json["care_plan"]["needed"]
    screen(http, dora, weighed_maria, "must", {"bmi": 24.0, "weight_loss_percent": 1.0,
                                           "acute_disease_no_intake_5_days": False},
           when="2026-11-23T10:00:00+01:00")
    assert http.get(f"/api/v1/clients/{weighed_maria}", headers=dora.headers).json["care_plan"] == {
        "needed": False, "cause": None, "since": None}


def test_a_correction_is_a_new_screening_that_names_the_original(http, dora, weighed_maria):
    original = screen(http, dora, weighed_maria, "must", {"acute_disease_no_intake_5_days": True}).json
    unexplained = screen(http, dora, weighed_maria, "must", {"acute_disease_no_intake_5_days": False},
                         corrects_id=original["id"])
    assert unexplained.status_code == 422 and "correction_reason" in unexplained.json["errors"]
    fixed = screen(http, dora, weighed_maria, "must", {"acute_disease_no_intake_5_days": False},
                   corrects_id=original["id"], correction_reason="Ticked the wrong box")
    assert fixed.status_code == 201 and fixed.json["corrects_id"] == original["id"]
    assert fixed.json["correction_reason"] == "Ticked the wrong box"
    amended = Observation.model_validate(
        http.get(f"/api/v1/screenings/{fixed.json['id']}/fhir", headers=dora.headers).json)
    assert amended.status == "amended"
    assert amended.note[0].text == f"Corrects screening {original['id']}: Ticked the wrong box"
    stored = http.get(f"/api/v1/screenings/{original['id']}", headers=dora.headers).json
    assert stored["total_score"] == original["total_score"]  # the original never changes
    again = screen(http, dora, weighed_maria, "must", {"acute_disease_no_intake_5_days": False},
                   corrects_id=original["id"], correction_reason="Again")
    assert again.status_code == 409
    other = screen(http, dora, weighed_maria, "eat_10", {"items": [0] * 10}, corrects_id=fixed.json["id"],
                   correction_reason="Wrong instrument")
    assert other.status_code == 422 and "corrects_id" in other.json["errors"]


@pytest.mark.parametrize("instrument, answers, key", [
    ("must", {"acute_disease_no_intake_5_days": "yes"}, "acute_disease_no_intake_5_days"),
    ("must", {"acute_disease_no_intake_5_days": False, "mobility": "goes_out"}, "mobility"),
    ("eat_10", {"items": [0] * 9}, "items"),
    ("eat_10", {"items": [0] * 9 + [5]}, "items"),
    ("snaq", {"weight_loss": "lots", "decreased_appetite_last_month": True,
              "supplements_or_tube_feeding_last_month": False}, "weight_loss"),
    ("mna_sf", {"food_intake_decline": "none", "weight_loss": "none", "mobility": "goes_out",
                "acute_stress_or_disease": 1, "neuropsychological": "none"}, "acute_stress_or_disease"),
])
def test_bad_answers_are_422_naming_the_key(http, dora, weighed_maria, instrument, answers, key):
    response = screen(http, dora, weighed_maria, instrument, answers)
    assert response.status_code == 422 and key in response.json["errors"], response.json
    assert http.get(f"/api/v1/clients/{weighed_maria}/screenings", headers=dora.headers).json == []


def test_an_unknown_instrument_and_a_future_date_are_refused(http, dora, weighed_maria):
    unknown = screen(http, dora, weighed_maria, "must2", {})
    assert unknown.status_code == 422 and "instrument" in unknown.json["errors"]
    future = screen(http, dora, weighed_maria, "must", {}, when="2999-01-01T10:00:00+01:00")
    assert future.status_code == 422 and "performed_at" in future.json["errors"]


def test_a_missing_input_that_cannot_be_derived_is_named(http, dora, maria):
    bare = setup(http.post("/api/v1/clients", json=maria, headers=dora.headers))
    response = screen(http, dora, bare["id"], "must", {"acute_disease_no_intake_5_days": False})
    assert response.status_code == 422
    assert {"bmi", "weight_loss_percent"} <= set(response.json["errors"])


def test_another_organisations_client_cannot_be_screened(http, world, weighed_maria):
    bert = world.person("bert", "dietitian", "Provider B")
    response = screen(http, bert, weighed_maria, "eat_10", {"items": [0] * 10})
    assert response.status_code == 404


def test_the_fhir_observation_validates_and_carries_the_codes(http, dora, weighed_maria):
    must = screen(http, dora, weighed_maria, "must", {"acute_disease_no_intake_5_days": False}).json
    response = http.get(f"/api/v1/screenings/{must['id']}/fhir", headers=dora.headers)
    assert response.status_code == 200 and response.mimetype == "application/fhir+json"
    observation = Observation.model_validate(response.json)
    assert observation.code.coding[0].code == "444297006"
    assert observation.valueInteger == 2
    assert observation.subject.reference == f"Patient/{weighed_maria}"
    assert {c.code.text for c in observation.component} == {
        "bmi", "weight_loss_percent", "acute_disease_no_intake_5_days"}

    mna = screen(http, dora, weighed_maria, "mna_sf", {
        "food_intake_decline": "moderate", "weight_loss": "none", "mobility": "goes_out",
        "acute_stress_or_disease": False, "neuropsychological": "none"}).json
    mna_obs = Observation.model_validate(
        http.get(f"/api/v1/screenings/{mna['id']}/fhir", headers=dora.headers).json)
    assert mna_obs.code.coding[0].code == "107107-5"
    assert mna_obs.component[0].code.coding[0].code == "107114-1"
    assert mna_obs.component[0].valueInteger == mna["total_score"]


def test_nrs_2002_goes_on_to_the_final_screening_with_derived_age_and_bmi(http, dora, weighed_maria):
    result = screen(http, dora, weighed_maria, "nrs_2002", {
        "reduced_intake_last_week": True, "severely_ill": False,
        "weight_loss_5pct_within_months": 3, "intake_percent_of_requirement": 60,
        "impaired_general_condition": True, "disease_severity": 1}).json
    # weight loss 12.0 % in 3 months > 5 % → 1 (within 3 months), intake 60 % → 1,
    # BMI 23.5 → 0: status 1; severity 1; age 82 ≥ 70 → +1
    assert result["total_score"] == 3 and result["risk"] == "at_risk"
    assert {"bmi", "age", "bmi_below_20_5", "weight_loss_3_months"} <= set(result["derived"])
    assert result["next_due"] == "2026-11-28"


def test_snaq65_derives_the_4kg_loss_over_six_months(http, dora, weighed_maria):
    result = screen(http, dora, weighed_maria, "snaq65", {
        "muac_cm": 27.0, "poor_appetite_last_week": False, "difficulty_stairs_or_walking": False}).json
    assert result["derived"]["weight_loss_4kg_6_months"]["value"] is True
    assert result["risk"] == "red" and result["total_score"] is None
