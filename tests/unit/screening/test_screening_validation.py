"""Bad input, every kind: one ScreeningInputError whose ``errors`` names every key with all
its reasons (the service maps it to 422)."""
from datetime import date

import pytest

from nutriplat.screening.domain import INSTRUMENTS, ClientFacts, ScreeningInputError, score

ON = date(2026, 10, 1)
HOME = ClientFacts(care_setting="home")
VALID = {
    "must": {"bmi": 22.0, "weight_loss_percent": 0.0, "acute_disease_no_intake_5_days": False},
    "mna_sf": {"food_intake_decline": "none", "weight_loss": "none", "mobility": "goes_out",
               "acute_stress_or_disease": False, "neuropsychological": "none", "bmi": 23.0},
    "nrs_2002": {"bmi_below_20_5": True, "weight_loss_3_months": False,
                 "reduced_intake_last_week": False, "severely_ill": False,
                 "weight_loss_5pct_within_months": None, "intake_percent_of_requirement": 80,
                 "impaired_general_condition": True, "bmi": 20.0, "disease_severity": 1,
                 "age": 71, "weight_loss_percent_3_months": 2.0},
    "snaq": {"weight_loss": "none", "decreased_appetite_last_month": False,
             "supplements_or_tube_feeding_last_month": False},
    "snaq65": {"muac_cm": 26.0, "weight_loss_4kg_6_months": False,
               "poor_appetite_last_week": False, "difficulty_stairs_or_walking": False},
    "eat_10": {"items": [0] * 10},
}


def errors_of(instrument, answers, facts=HOME):
    with pytest.raises(ScreeningInputError) as exc:
        score(instrument, answers, facts, ON)
    assert isinstance(exc.value, ValueError)
    return exc.value.errors


@pytest.mark.parametrize("instrument", sorted(VALID))
def test_the_valid_fixtures_score(instrument):
    assert score(instrument, VALID[instrument], HOME, ON).instrument == instrument


def test_every_instrument_has_a_valid_fixture_using_all_its_keys_but_calf():
    assert set(VALID) == set(INSTRUMENTS)
    for code, spec in INSTRUMENTS.items():
        assert set(VALID[code]) == spec.keys - {"calf_circumference_cm"}


@pytest.mark.parametrize("code", [None, "", "MUST", "glim", "nrs2002", 3])
def test_unknown_instrument(code):
    with pytest.raises(ScreeningInputError) as exc:
        score(code, {}, HOME, ON)
    assert list(exc.value.errors) == ["instrument"]
    expected = "expected one of: must, mna_sf, nrs_2002, snaq, snaq65, eat_10"
    assert expected in exc.value.errors["instrument"][0]


@pytest.mark.parametrize("answers", [None, [], "bmi=20", 42])
def test_answers_must_be_an_object(answers):
    assert errors_of("must", answers)["answers"] == ["must be an object of answer keys"]


@pytest.mark.parametrize("instrument, key, owner", [
    ("must", "muac_cm", "snaq65"),
    ("must", "age", "nrs_2002, glim"),
    ("must", "reduced_muscle_mass", "glim"),
    ("snaq", "items", "eat_10"),
    ("eat_10", "bmi", "must, mna_sf, nrs_2002, glim"),
    ("mna_sf", "weight_loss_percent", "must, glim"),
    ("snaq65", "weight_loss", "mna_sf, snaq"),
])
def test_a_key_of_another_instrument_is_unknown_and_says_whose_it_is(instrument, key, owner):
    errors = errors_of(instrument, VALID[instrument] | {key: 1})
    assert errors == {key: [f"unknown key for {instrument} (it belongs to {owner})"]}


@pytest.mark.parametrize("instrument", sorted(VALID))
def test_an_unknown_key_is_rejected_even_when_everything_else_is_valid(instrument):
    assert errors_of(instrument, VALID[instrument] | {"shoe_size": 44}) == {
        "shoe_size": [f"unknown key for {instrument}"]}


@pytest.mark.parametrize("instrument, key, value, reason", [
    # numbers: bool is not a number, strings are not numbers
    ("must", "bmi", True, "must be a number"),
    ("must", "bmi", "21.3", "must be a number"),
    ("must", "bmi", None, "must be a number"),
    ("must", "bmi", float("nan"), "must be a finite number"),
    ("must", "weight_loss_percent", float("inf"), "must be a finite number"),
    ("nrs_2002", "intake_percent_of_requirement", False, "must be a number"),
    ("snaq65", "muac_cm", [25], "must be a number"),
    # booleans: not 0/1, not strings
    ("must", "acute_disease_no_intake_5_days", 1, "must be true or false"),
    ("must", "acute_disease_no_intake_5_days", "true", "must be true or false"),
    ("nrs_2002", "severely_ill", None, "must be true or false"),
    ("mna_sf", "acute_stress_or_disease", "false", "must be true or false"),
    # enums: exact strings only
    ("mna_sf", "food_intake_decline", "Severe",
     "must be one of: severe, moderate, none"),
    ("mna_sf", "weight_loss", 3, "must be one of: more_than_3kg, unknown, 1_to_3kg, none"),
    ("snaq", "weight_loss", "more_than_3kg",
     "must be one of: none, more_than_3kg_last_month, more_than_6kg_last_6_months, both"),
    ("mna_sf", "mobility", None,
     "must be one of: bed_or_chair_bound, out_of_bed_not_out, goes_out"),
    # integers: bool and integral floats are not integers
    ("nrs_2002", "disease_severity", 4, "must be an integer from 0 to 3"),
    ("nrs_2002", "disease_severity", -1, "must be an integer from 0 to 3"),
    ("nrs_2002", "disease_severity", True, "must be an integer from 0 to 3"),
    ("nrs_2002", "disease_severity", 2.0, "must be an integer from 0 to 3"),
    ("nrs_2002", "disease_severity", "2", "must be an integer from 0 to 3"),
    ("nrs_2002", "weight_loss_5pct_within_months", 0, "must be an integer from 1 to 3"),
    ("nrs_2002", "weight_loss_5pct_within_months", 4, "must be an integer from 1 to 3"),
    ("nrs_2002", "age", -1, "must be an integer from 0 to 150"),
    ("nrs_2002", "age", 70.5, "must be an integer from 0 to 150"),
    # ranges
    ("must", "bmi", -21.0, "must be greater than 0"),
    ("must", "bmi", 0, "must be greater than 0"),
    ("must", "bmi", 215, "must be at most 150"),
    ("must", "weight_loss_percent", -3.0, "must be at least 0"),
    ("must", "weight_loss_percent", 100, "must be less than 100"),
    ("mna_sf", "calf_circumference_cm", 0, "must be greater than 0"),
    ("snaq65", "muac_cm", -25.0, "must be greater than 0"),
    ("nrs_2002", "intake_percent_of_requirement", -1, "must be at least 0"),
    ("nrs_2002", "weight_loss_percent_3_months", 120, "must be less than 100"),
])
def test_wrong_type_or_out_of_range(instrument, key, value, reason):
    assert errors_of(instrument, VALID[instrument] | {key: value}) == {key: [reason]}


def test_all_errors_are_collected_before_raising():
    errors = errors_of("must", {"bmi": -1, "weight_loss_percent": "5",
                                "acute_disease_no_intake_5_days": 0, "age": 80},
                       ClientFacts())
    assert errors == {
        "bmi": ["must be greater than 0"],
        "weight_loss_percent": ["must be a number"],
        "acute_disease_no_intake_5_days": ["must be true or false"],
        "age": ["unknown key for must (it belongs to nrs_2002, glim)"],
        "care_setting": ["the client's care setting on the screening date is needed "
                         "for the must next due date"],
    }


def test_missing_required_keys_are_all_named():
    assert errors_of("mna_sf", {"bmi": 23.0}) == {
        key: ["required"] for key in ("food_intake_decline", "mobility",
                                      "acute_stress_or_disease", "neuropsychological")
    } | {"weight_loss": ["required: not given and cannot be derived (no weight_kg measured "
                         "on or before 2026-07-01, 3 months before 2026-10-01)"]}


def test_an_invalid_given_value_is_not_replaced_by_a_derived_one():
    facts = ClientFacts(care_setting="home", weights=[(ON, 60.0)], heights=[(ON, 170.0)])
    assert errors_of("must", VALID["must"] | {"bmi": -20.8}, facts) == {
        "bmi": ["must be greater than 0"]}


@pytest.mark.parametrize("instrument", ["must", "mna_sf", "snaq", "eat_10"])
def test_a_care_setting_is_needed_where_the_next_due_date_depends_on_it(instrument):
    assert list(errors_of(instrument, VALID[instrument], ClientFacts())) == ["care_setting"]


@pytest.mark.parametrize("instrument", ["nrs_2002", "snaq65"])
def test_no_care_setting_is_needed_where_the_interval_is_fixed(instrument):
    assert score(instrument, VALID[instrument], None, ON).next_due


def test_error_message_lists_keys_and_reasons():
    with pytest.raises(ScreeningInputError, match=r"bmi: must be greater than 0"):
        score("must", VALID["must"] | {"bmi": 0}, HOME, ON)


@pytest.mark.parametrize("kwargs", [
    {"care_setting": "ward"}, {"sex": "F"}, {"weights": [(ON, 0)]},
    {"weights": [("2026-10-01", 60.0)]}, {"heights": [(ON,)]}, {"birth_date": "1950-01-01"},
])
def test_bad_facts_are_a_programming_error_not_a_422(kwargs):
    with pytest.raises((ValueError, TypeError)) as exc:
        ClientFacts(**kwargs)
    assert not isinstance(exc.value, ScreeningInputError)
