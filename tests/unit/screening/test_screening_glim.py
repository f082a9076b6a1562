"""GLIM: phenotypic and etiologic criteria, malnourished, stage; BMI edges either side of 70."""
import json
from datetime import date

import pytest

from nutriplat.screening.domain import ClientFacts, ScreeningInputError, diagnose_glim

ON = date(2026, 10, 1)
# No phenotypic criterion met, one etiologic criterion met.
BASE = {"weight_loss_percent": 0.0, "weight_loss_period": "within_6_months", "bmi": 25.0,
        "age": 60, "reduced_muscle_mass": "none", "reduced_intake": True, "inflammation": False}


def glim(facts=None, **changes):
    answers = {k: v for k, v in (BASE | changes).items() if v is not ...}
    return diagnose_glim(answers, ON, facts)


@pytest.mark.parametrize("age, bmi, low, stage", [
    (69, 20.0, False, None), (69, 19.9, True, 1), (69, 18.5, True, 1), (69, 18.4, True, 2),
    (70, 22.0, False, None), (70, 21.9, True, 1), (70, 20.0, True, 1), (70, 19.9, True, 2),
    (69, 21.9, False, None),   # 21.9 is low only from 70
    (70, 18.5, True, 2),       # 18.5 is severe from 70 (< 20.0)
])
def test_bmi_edges_either_side_of_70(age, bmi, low, stage):
    result = glim(age=age, bmi=bmi)
    assert ("low_bmi" in result.phenotypic) is low
    assert (result.malnourished, result.stage) == (low, stage)


@pytest.mark.parametrize("born, stage", [(date(1956, 10, 2), 1), (date(1956, 10, 1), 2)])
def test_derived_age_decides_the_bmi_edge(born, stage):
    result = glim(ClientFacts(birth_date=born), age=..., bmi=19.9)  # 69 → moderate, 70 → severe
    assert result.stage == stage and "age" in result.derived


@pytest.mark.parametrize("loss, period, met, stage", [
    (5.0, "within_6_months", False, None), (5.1, "within_6_months", True, 1),
    (10.0, "within_6_months", True, 1), (10.1, "within_6_months", True, 2),
    (10.0, "beyond_6_months", False, None), (10.1, "beyond_6_months", True, 1),
    (20.0, "beyond_6_months", True, 1), (20.1, "beyond_6_months", True, 2),
    (5.04, "within_6_months", False, None),   # rounds to 5.0
    (5.05, "within_6_months", True, 1),       # rounds to 5.1
])
def test_weight_loss_edges(loss, period, met, stage):
    result = glim(weight_loss_percent=loss, weight_loss_period=period)
    assert ("weight_loss" in result.phenotypic) is met
    assert result.stage == stage


@pytest.mark.parametrize("muscle, met, stage", [
    ("none", False, None), ("mild_moderate", True, 1), ("severe", True, 2)])
def test_reduced_muscle_mass(muscle, met, stage):
    result = glim(reduced_muscle_mass=muscle)
    assert ("reduced_muscle_mass" in result.phenotypic, result.stage) == (met, stage)


@pytest.mark.parametrize("intake, inflammation, etiologic", [
    (True, False, ("reduced_intake",)), (False, True, ("inflammation",)),
    (True, True, ("reduced_intake", "inflammation")), (False, False, ())])
def test_etiologic_criteria(intake, inflammation, etiologic):
    result = glim(reduced_intake=intake, inflammation=inflammation, bmi=18.0)
    assert result.etiologic == etiologic
    assert result.malnourished is bool(etiologic)
    assert result.stage == (2 if etiologic else None)


def test_phenotypic_without_etiologic_is_not_malnourished_and_has_no_stage():
    result = glim(reduced_intake=False, weight_loss_percent=25.0, reduced_muscle_mass="severe")
    assert result.phenotypic == ("weight_loss", "reduced_muscle_mass")
    assert (result.malnourished, result.stage, result.severity) == (False, None, None)


def test_stage_follows_the_most_severe_criterion():
    result = glim(weight_loss_percent=6.0, bmi=18.0, reduced_muscle_mass="mild_moderate")
    assert result.phenotypic == ("weight_loss", "low_bmi", "reduced_muscle_mass")
    assert (result.stage, result.severity) == (2, "severe")


def test_everything_derived_from_stored_measurements():
    facts = ClientFacts(birth_date=date(1950, 1, 1),
                        weights=[(date(2026, 4, 1), 70.0, 1), (ON, 61.6, 2)],
                        heights=[(date(2025, 1, 1), 175.0, 3)])
    result = diagnose_glim({"reduced_muscle_mass": "none", "reduced_intake": False,
                            "inflammation": True}, ON, facts)
    assert dict(result.inputs) == {
        "reduced_muscle_mass": "none", "reduced_intake": False, "inflammation": True,
        "weight_loss_percent": 12.0, "weight_loss_period": "within_6_months", "bmi": 20.1,
        "age": 76}
    assert (result.malnourished, result.stage) == (True, 2)   # 12.0 % in 6 months
    assert result.phenotypic == ("weight_loss", "low_bmi")
    data = result.as_dict()
    json.dumps(data)
    assert data["derived"]["weight_loss_period"]["from"] == [
        {"fact": "weight_loss_percent", "value": 12.0, "origin": "derived"}]


def errors_of(answers, facts=None):
    with pytest.raises(ScreeningInputError) as exc:
        diagnose_glim(answers, ON, facts)
    return exc.value.errors


def test_a_loss_beyond_6_months_must_be_given():
    facts = ClientFacts(weights=[(date(2026, 4, 1), 70.0), (ON, 61.6)])
    answers = {k: v for k, v in BASE.items() if k != "weight_loss_percent"}
    errors = errors_of(answers | {"weight_loss_period": "beyond_6_months"}, facts)
    assert list(errors) == ["weight_loss_percent"]
    assert "last 6 months only" in errors["weight_loss_percent"][0]


def test_a_given_loss_needs_its_period():
    answers = {k: v for k, v in BASE.items() if k != "weight_loss_period"}
    assert list(errors_of(answers)) == ["weight_loss_period"]


def test_every_missing_key_is_named():
    assert set(errors_of({}, ClientFacts())) == set(BASE)


@pytest.mark.parametrize("key, value", [
    ("weight_loss_period", "6_months"), ("reduced_muscle_mass", "moderate"),
    ("reduced_intake", "yes"), ("inflammation", 1), ("bmi", -18.0), ("age", True),
    ("weight_loss_percent", -2.0), ("acute_disease_no_intake_5_days", True)])
def test_bad_values_are_rejected(key, value):
    assert list(errors_of(BASE | {key: value})) == [key]
