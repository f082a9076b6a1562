"""The derivation layer: derivable keys the caller left out are filled from stored facts,
with their sources; a caller-supplied value always wins; an underivable required key is an
error that names it."""
from datetime import date

import pytest

from nutriplat.screening.domain import ClientFacts, Measurement, ScreeningInputError, derive_inputs, score

ON = date(2026, 10, 1)


def facts(weights=(), heights=((date(2025, 3, 2), 165.0, "h1"),), **kw):
    kw.setdefault("care_setting", "home")
    kw.setdefault("birth_date", date(1950, 5, 5))
    return ClientFacts(weights=weights, heights=heights, **kw)


def errors_of(call):
    with pytest.raises(ScreeningInputError) as exc:
        call()
    return exc.value.errors


MUST_ANSWERS = {"acute_disease_no_intake_5_days": False}


class TestBmi:
    def test_from_the_latest_weight_and_height_on_or_before_the_screening_date(self):
        f = facts(weights=[(date(2026, 9, 1), 64.0, "w1"), (date(2026, 10, 1), 61.6, "w2"),
                           (date(2026, 10, 2), 50.0, "after")],
                  heights=[(date(2020, 1, 1), 170.0, "h0"), (date(2025, 3, 2), 165.0, "h1")])
        result = score("must", MUST_ANSWERS | {"weight_loss_percent": 0}, f, ON)
        assert result.inputs["bmi"] == 22.6
        assert result.derived["bmi"].as_dict() == {
            "value": 22.6,
            "method": "weight_kg / (height_cm / 100)^2, rounded half-up to 0.1",
            "from": [
                {"fact": "weight_kg", "value": 61.6, "origin": "measurement",
                 "measured_at": "2026-10-01", "measurement_id": "w2"},
                {"fact": "height_cm", "value": 165.0, "origin": "measurement",
                 "measured_at": "2025-03-02", "measurement_id": "h1"},
            ]}

    def test_a_caller_supplied_value_wins(self):
        f = facts(weights=[(date(2026, 10, 1), 61.6)])
        result = score("must", MUST_ANSWERS | {"bmi": 17.0, "weight_loss_percent": 0}, f, ON)
        assert result.inputs["bmi"] == 17.0 and "bmi" not in result.derived
        assert result.components["bmi"] == 2

    @pytest.mark.parametrize("weights, heights, reason", [
        ((), ((date(2025, 3, 2), 165.0),), "no weight_kg measured on or before 2026-10-01"),
        (((date(2026, 9, 1), 60.0),), (), "no height_cm measured on or before 2026-10-01"),
        (((date(2026, 10, 2), 60.0),), ((date(2025, 3, 2), 165.0),), "no weight_kg"),
    ])
    def test_missing_measurements_make_an_error_naming_bmi(self, weights, heights, reason):
        errors = errors_of(lambda: score(
            "must", MUST_ANSWERS | {"weight_loss_percent": 0},
            facts(weights=weights, heights=heights), ON))
        assert list(errors) == ["bmi"]
        assert errors["bmi"][0].startswith("required: not given and cannot be derived")
        assert reason in errors["bmi"][0]


class TestMustWeightLoss:
    def answers(self):
        return MUST_ANSWERS | {"bmi": 22.0}

    def test_over_six_months_from_the_weight_on_or_before_the_cutoff(self):
        f = facts(weights=[(date(2026, 3, 15), 75.0, 1), (date(2026, 4, 1), 70.0, 2),
                           (date(2026, 7, 1), 66.0, 3), (date(2026, 10, 1), 61.6, 4)])
        result = score("must", self.answers(), f, ON)
        derived = result.derived["weight_loss_percent"]
        assert derived.value == 12.0  # 70.0 → 61.6, the spec's rounding example
        assert [s.measurement_id for s in derived.sources] == [2, 4]
        assert "over 6 months" in derived.method
        assert result.components["weight_loss_percent"] == 2

    def test_falls_back_to_three_months_when_no_weight_at_six(self):
        f = facts(weights=[(date(2026, 5, 1), 70.0), (date(2026, 7, 1), 68.0),
                           (date(2026, 10, 1), 64.6)])
        derived = score("must", self.answers(), f, ON).derived["weight_loss_percent"]
        assert derived.value == 5.0  # 68.0 → 64.6 over 3 months (cut-off 2026-07-01)
        assert "over 3 months" in derived.method
        assert "no weight at the 6-month date" in derived.method

    def test_six_months_is_used_even_when_three_months_shows_more_loss(self):
        f = facts(weights=[(date(2026, 4, 1), 62.0), (date(2026, 7, 1), 70.0),
                           (date(2026, 10, 1), 61.6)])
        assert score("must", self.answers(), f, ON).inputs["weight_loss_percent"] == 0.6

    def test_neither_period_available_is_an_error_naming_the_key(self):
        f = facts(weights=[(date(2026, 8, 1), 70.0), (date(2026, 10, 1), 61.6)])
        errors = errors_of(lambda: score("must", self.answers(), f, ON))
        assert list(errors) == ["weight_loss_percent"]
        assert "2026-04-01" in errors["weight_loss_percent"][0]
        assert "2026-07-01" in errors["weight_loss_percent"][0]

    def test_no_weight_after_the_cutoff_is_not_a_zero_loss(self):
        # Only an old weight: the current one would be the earlier one itself.
        f = facts(weights=[(date(2026, 1, 1), 70.0)])
        errors = errors_of(lambda: score("must", self.answers(), f, ON))
        assert "no weight_kg measured after 2026-04-01" in errors["weight_loss_percent"][0]

    def test_a_caller_value_wins_over_history(self):
        f = facts(weights=[(date(2026, 4, 1), 70.0), (date(2026, 10, 1), 61.6)])
        result = score("must", self.answers() | {"weight_loss_percent": 3.0}, f, ON)
        assert result.inputs["weight_loss_percent"] == 3.0 and result.derived == {}


class TestMnaSfWeightLoss:
    @pytest.mark.parametrize("earlier, current, category", [
        (70.0, 66.9, "more_than_3kg"),   # 3.1
        (64.1, 61.1, "1_to_3kg"),        # exactly 3.0 (float subtraction gives 3.0000000000000071)
        (70.0, 69.0, "1_to_3kg"),        # 1.0
        (70.0, 69.1, "none"),            # 0.9
        (70.0, 71.0, "none"),            # gain
    ])
    def test_from_kilograms_lost_over_three_months(self, earlier, current, category):
        f = facts(weights=[(date(2026, 7, 1), earlier), (date(2026, 10, 1), current)])
        derive = derive_inputs("mna_sf", {}, f, ON)
        assert derive["weight_loss"].value == category

    def test_uses_the_weight_on_or_before_three_months_back(self):
        f = facts(weights=[(date(2026, 7, 1), 70.0), (date(2026, 7, 2), 75.0),
                           (date(2026, 10, 1), 66.0)])
        assert derive_inputs("mna_sf", {}, f, ON)["weight_loss"].value == "more_than_3kg"


class TestOtherDerivations:
    def test_age_from_birth_date(self):
        derived = derive_inputs("nrs_2002", {}, facts(birth_date=date(1956, 10, 2)), ON)["age"]
        assert derived.value == 69
        assert derived.as_dict()["from"] == [
            {"fact": "birth_date", "value": "1956-10-02", "origin": "client"}]

    def test_nrs_weight_loss_flags_from_three_month_history(self):
        f = facts(weights=[(date(2026, 7, 1), 70.0), (date(2026, 10, 1), 69.97)])
        derived = derive_inputs("nrs_2002", {}, f, ON)
        assert derived["weight_loss_percent_3_months"].value == 0.0  # 0.04 % rounds to 0.0
        assert derived["weight_loss_3_months"].value is False
        f = facts(weights=[(date(2026, 7, 1), 70.0), (date(2026, 10, 1), 69.9)])
        assert derive_inputs("nrs_2002", {}, f, ON)["weight_loss_3_months"].value is True

    @pytest.mark.parametrize("weight, below", [(81.8, False), (81.7, True)])  # 20.45→20.5; 20.4
    def test_nrs_bmi_below_20_5_uses_the_rounded_bmi(self, weight, below):
        f = facts(weights=[(date(2026, 9, 1), weight)], heights=[(date(2026, 1, 1), 200.0)])
        derived = derive_inputs("nrs_2002", {}, f, ON)
        assert derived["bmi_below_20_5"].value is below
        assert derived["bmi_below_20_5"].sources[0].origin == "derived"

    def test_nrs_bmi_below_20_5_from_a_given_bmi(self):
        derived = derive_inputs("nrs_2002", {"bmi": 20.4}, facts(), ON)["bmi_below_20_5"]
        assert derived.value is True and derived.sources[0].origin == "answers"

    @pytest.mark.parametrize("current, flag", [(66.0, False), (65.9, True)])  # 4.0 / 4.1 kg
    def test_snaq65_more_than_4kg_over_six_months(self, current, flag):
        f = facts(weights=[(date(2026, 4, 1), 70.0), (date(2026, 10, 1), current)])
        assert derive_inputs("snaq65", {}, f, ON)["weight_loss_4kg_6_months"].value is flag

    def test_circumferences_from_the_latest_stored_measurement(self):
        f = facts(muac=[Measurement(date(2026, 9, 1), 24.5, 7), (date(2026, 10, 5), 30.0)],
                  calf=[(date(2026, 2, 1), 30.5)])
        assert derive_inputs("snaq65", {}, f, ON)["muac_cm"].sources[0].measurement_id == 7
        assert derive_inputs("mna_sf", {}, f, ON)["calf_circumference_cm"].value == 30.5

    def test_preview_leaves_out_what_cannot_be_derived_and_what_was_given(self):
        derived = derive_inputs("glim", {"bmi": 19.0}, ClientFacts(), ON)
        assert derived == {}

    def test_glim_loss_over_six_months_implies_the_period(self):
        f = facts(weights=[(date(2026, 4, 1), 70.0), (date(2026, 10, 1), 61.6)])
        derived = derive_inputs("glim", {}, f, ON)
        assert derived["weight_loss_percent"].value == 12.0
        assert derived["weight_loss_period"].value == "within_6_months"

    def test_preview_still_rejects_unknown_keys(self):
        errors = errors_of(lambda: derive_inputs("must", {"shoe_size": 42}, facts(), ON))
        assert list(errors) == ["shoe_size"]


def test_a_birth_date_after_the_screening_date_is_not_derivable():
    answers = {"reduced_intake_last_week": True, "severely_ill": False, "bmi_below_20_5": False,
               "weight_loss_3_months": False, "weight_loss_5pct_within_months": None,
               "intake_percent_of_requirement": 90, "impaired_general_condition": False,
               "disease_severity": 0}
    errors = errors_of(lambda: score("nrs_2002", answers, facts(birth_date=date(2027, 1, 1)), ON))
    assert errors == {"age": ["required: not given and cannot be derived "
                              "(birth date 2027-01-01 is after the screening date 2026-10-01)"]}


def test_decimal_measurements_give_plain_json():
    from decimal import Decimal
    f = facts(weights=[(date(2026, 4, 1), Decimal("70.0")), (ON, Decimal("61.6"))],
              heights=[(ON, Decimal("165.0"))])
    data = score("must", MUST_ANSWERS, f, ON).as_dict()
    assert data["derived"]["weight_loss_percent"]["from"][0]["value"] == 70.0
    assert type(data["derived"]["bmi"]["from"][1]["value"]) is float
