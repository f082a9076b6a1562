"""GLIM assessments, nutrient targets with overrides, the due list and suggestions."""
import pytest

from tests.setup_calls import setup

GLIM_ANSWERS = {"reduced_muscle_mass": "mild_moderate", "reduced_intake": True, "inflammation": False}


def test_glim_derives_loss_bmi_and_age_and_stages_the_malnutrition(http, dora, weighed_maria):
    response = http.post(f"/api/v1/clients/{weighed_maria}/assessments", headers=dora.headers,
                         json={"method": "glim", "answers": GLIM_ANSWERS,
                               "assessed_at": "2026-11-21T10:00:00+01:00"})
    assert response.status_code == 201, response.json
    result = response.json
    assert result["malnourished"] is True and result["stage"] == 2   # 12.0 % within 6 months
    assert set(result["phenotypic"]) == {"weight_loss", "reduced_muscle_mass"}
    assert result["etiologic"] == ["reduced_intake"]
    assert set(result["derived"]) == {"weight_loss_percent", "weight_loss_period", "bmi", "age"}
    record = http.get(f"/api/v1/clients/{weighed_maria}", headers=dora.headers).json
    assert record["care_plan"]["needed"] and "GLIM" in record["care_plan"]["cause"]


def test_glim_keys_may_come_flat_beside_the_method(http, dora, weighed_maria):
    response = http.post(f"/api/v1/clients/{weighed_maria}/assessments", headers=dora.headers,
                         json={"method": "glim", **GLIM_ANSWERS, "reduced_intake": False})
    assert response.status_code == 201 and response.json["malnourished"] is False
    assert response.json["stage"] is None


def test_glim_refuses_unknown_methods_and_keys(http, dora, weighed_maria):
    url = f"/api/v1/clients/{weighed_maria}/assessments"
    assert http.post(url, headers=dora.headers, json={"method": "sga", "answers": {}}).status_code == 422
    bad = http.post(url, headers=dora.headers, json={"method": "glim", "answers": GLIM_ANSWERS | {"mood": 1}})
    assert bad.status_code == 422 and "mood" in bad.json["errors"]


def test_targets_follow_the_spec_and_the_latest_result(http, dora, weighed_maria):
    url = f"/api/v1/clients/{weighed_maria}/targets?on=2026-11-21"
    targets = http.get(url, headers=dora.headers).json
    assert targets["energy_kcal"] == {"computed": 1850.0, "computed_method": "espen_geriatric",
                                      "effective": 1850.0, "method": "espen_geriatric", "override": None}
    assert targets["protein_g"]["effective"] == 62.0   # 1.0 g/kg × 61.6, no screening yet
    assert targets["fluid_ml"]["effective"] == 1600.0  # female
    setup(http.post(f"/api/v1/clients/{weighed_maria}/screenings", headers=dora.headers, json={
        "instrument": "must", "answers": {"acute_disease_no_intake_5_days": False},
        "performed_at": "2026-11-21T09:00:00+01:00"}))
    assert http.get(url, headers=dora.headers).json["protein_g"]["effective"] == 74.0  # 1.2 g/kg


def test_an_override_wins_while_valid_and_the_history_is_kept(http, dora, weighed_maria):
    url = f"/api/v1/clients/{weighed_maria}/targets"
    response = http.put(url, headers=dora.headers, json={"fluid_ml": {
        "value": 1200, "reason": "heart failure: fluid restriction",
        "valid_from": "2026-11-01", "valid_until": "2026-11-30"}})
    assert response.status_code == 200, response.json
    during = http.get(f"{url}?on=2026-11-21", headers=dora.headers).json["fluid_ml"]
    assert (during["effective"], during["method"], during["computed"]) == (1200.0, "override", 1600.0)
    assert during["override"]["reason"] == "heart failure: fluid restriction"
    after = http.get(f"{url}?on=2026-12-01", headers=dora.headers).json["fluid_ml"]
    assert (after["effective"], after["method"]) == (1600.0, "espen_geriatric")
    history = http.get(f"{url}/overrides", headers=dora.headers).json
    assert [(h["target"], h["value"]) for h in history] == [("fluid_ml", 1200.0)]


@pytest.mark.parametrize("body, field", [
    ({}, "body"),
    ({"fluid_ml": {"value": 1200, "valid_from": "2026-11-01"}}, "fluid_ml"),
    ({"fluid_ml": {"value": -5, "reason": "x", "valid_from": "2026-11-01"}}, "fluid_ml"),
    ({"fluid_ml": {"value": 1200, "reason": "x", "valid_from": "2026-11-10",
                   "valid_until": "2026-11-01"}}, "fluid_ml.valid_until"),
    ({"iron_mg": {"value": 10, "reason": "x", "valid_from": "2026-11-01"}}, "iron_mg"),
])
def test_bad_overrides_are_refused(http, dora, weighed_maria, body, field):
    response = http.put(f"/api/v1/clients/{weighed_maria}/targets", headers=dora.headers, json=body)
    assert response.status_code == 422 and field in response.json["errors"], response.json


def test_targets_without_weight_or_height_name_what_is_missing(http, dora, maria):
    bare = setup(http.post("/api/v1/clients", json=maria, headers=dora.headers))
    response = http.get(f"/api/v1/clients/{bare['id']}/targets", headers=dora.headers)
    assert response.status_code == 422
    assert set(response.json["errors"]) == {"weight_kg", "height_cm"}


def test_the_due_list_shows_the_never_screened_and_the_overdue(http, dora, weighed_maria, maria):
    rita = setup(http.post("/api/v1/clients", json=maria | {"given_name": "Rita", "family_name": "Vanneste"},
                           headers=dora.headers))
    setup(http.post(f"/api/v1/clients/{weighed_maria}/screenings", headers=dora.headers, json={
        "instrument": "must", "answers": {"acute_disease_no_intake_5_days": False},
        "performed_at": "2026-11-21T09:00:00+01:00"}))   # next due 2026-12-21
    soon = http.get("/api/v1/screenings/due?before=2026-12-01", headers=dora.headers).json
    assert [e["client_id"] for e in soon] == [rita["id"]]
    assert soon[0]["next_due"] is None and soon[0]["last_instrument"] is None
    later = http.get("/api/v1/screenings/due?before=2027-01-01", headers=dora.headers).json
    assert [e["client_id"] for e in later] == [rita["id"], weighed_maria]
    assert later[1]["last_instrument"] == "must" and later[1]["next_due"] == "2026-12-21"
    assert http.get("/api/v1/screenings/due", headers=dora.headers).status_code == 422


@pytest.mark.parametrize("setting, birth_date, conditions, expected, also", [
    ("hospital", "1950-01-01", [], "nrs_2002", set()),
    ("home", "1944-03-12", ["dysphagia"], "mna_sf", {"eat_10"}),
    ("home", "1970-01-01", [], "must", set()),
])
def test_the_suggestion_fits_setting_age_and_dysphagia(http, dora, maria, setting, birth_date,
                                                        conditions, expected, also):
    client = setup(http.post("/api/v1/clients", headers=dora.headers, json=maria | {
        "care_setting": setting, "birth_date": birth_date, "conditions": conditions}))
    suggestion = http.get(f"/api/v1/clients/{client['id']}/screening-suggestion", headers=dora.headers).json
    assert suggestion["instrument"] == expected
    assert also <= {s["instrument"] for s in suggestion["also"]}
    assert set(suggestion["allowed"]) == {"must", "mna_sf", "nrs_2002", "snaq", "snaq65", "eat_10"}


def test_a_glim_correction_says_why_is_audited_and_keeps_the_original(http, dora, weighed_maria, uow):
    from nutriplat.auth.models import AuditEntry

    url = f"/api/v1/clients/{weighed_maria}/assessments"
    original = setup(http.post(url, headers=dora.headers, json={"method": "glim", "answers": GLIM_ANSWERS}))
    unexplained = http.post(url, headers=dora.headers, json={
        "method": "glim", "answers": GLIM_ANSWERS | {"reduced_intake": False}, "corrects_id": original["id"]})
    assert unexplained.status_code == 422
    assert unexplained.json["errors"] == {"correction_reason": ["Say why the assessment is corrected."]}
    stray = http.post(url, headers=dora.headers, json={"method": "glim", "answers": GLIM_ANSWERS,
                                                       "correction_reason": "no original named"})
    assert stray.status_code == 422 and "correction_reason" in stray.json["errors"]
    fixed = http.post(url, headers=dora.headers, json={  # flat keys too: the reason is not an answer
        "method": "glim", **GLIM_ANSWERS, "reduced_intake": False, "corrects_id": original["id"],
        "correction_reason": "Intake was normal; asked the daughter again."})
    assert fixed.status_code == 201, fixed.json
    assert fixed.json["corrects_id"] == original["id"] and fixed.json["malnourished"] is False
    assert fixed.json["correction_reason"] == "Intake was normal; asked the daughter again."
    kept = http.get(f"/api/v1/assessments/{original['id']}", headers=dora.headers)
    assert kept.status_code == 200 and kept.json["malnourished"] is True and kept.json["correction_reason"] is None
    again = http.post(url, headers=dora.headers, json={"method": "glim", "answers": GLIM_ANSWERS,
                                                       "corrects_id": original["id"], "correction_reason": "x"})
    assert again.status_code == 409
    with uow:
        entry = uow.session.query(AuditEntry).filter_by(resource="assessment", action="correct").one()
        assert entry.resource_id == str(fixed.json["id"])
        assert entry.detail == {"corrects": original["id"], "reason": "Intake was normal; asked the daughter again."}


def test_another_organisation_cannot_read_an_assessment(http, world, dora, weighed_maria):
    created = setup(http.post(f"/api/v1/clients/{weighed_maria}/assessments", headers=dora.headers,
                              json={"method": "glim", "answers": GLIM_ANSWERS}))
    otto = world.person("otto", "dietitian", "Provider B")
    assert http.get(f"/api/v1/assessments/{created['id']}", headers=otto.headers).status_code == 404
