"""MNA-SF: item points, BMI/calf bands, F1-before-F2, totals 7/8 and 11/12, next due."""
from datetime import date

import pytest

from nutriplat.screening.domain import ClientFacts, ScreeningInputError, score

ON = date(2026, 10, 1)
HOME = ClientFacts(care_setting="home")
BEST = {"food_intake_decline": "none", "weight_loss": "none", "mobility": "goes_out",
        "acute_stress_or_disease": False, "neuropsychological": "none", "bmi": 23.0}


def mna(facts=HOME, **changes):
    answers = {k: v for k, v in (BEST | changes).items() if v is not None}
    return score("mna_sf", answers, facts, ON)


@pytest.mark.parametrize("key, value, points", [
    ("food_intake_decline", "severe", 0), ("food_intake_decline", "moderate", 1),
    ("food_intake_decline", "none", 2),
    ("weight_loss", "more_than_3kg", 0), ("weight_loss", "unknown", 1),
    ("weight_loss", "1_to_3kg", 2), ("weight_loss", "none", 3),
    ("mobility", "bed_or_chair_bound", 0), ("mobility", "out_of_bed_not_out", 1),
    ("mobility", "goes_out", 2),
    ("acute_stress_or_disease", True, 0), ("acute_stress_or_disease", False, 2),
    ("neuropsychological", "severe_dementia_or_depression", 0),
    ("neuropsychological", "mild_dementia", 1), ("neuropsychological", "none", 2),
])
def test_item_points(key, value, points):
    assert mna(**{key: value}).components[key] == points


@pytest.mark.parametrize("bmi, points", [
    (18.9, 0), (19.0, 1), (20.9, 1), (21.0, 2), (22.9, 2), (23.0, 3), (35.0, 3),
    (18.95, 1),   # rounds half-up to 19.0
    (22.94, 2),   # rounds to 22.9
])
def test_bmi_points(bmi, points):
    assert mna(bmi=bmi).components["bmi"] == points


@pytest.mark.parametrize("calf, points", [(30.9, 0), (31.0, 3), (30.99, 0), (40, 3)])
def test_calf_points_when_no_bmi_can_be_had(calf, points):
    result = mna(bmi=None, calf_circumference_cm=calf)
    assert result.components["calf_circumference_cm"] == points
    assert "bmi" not in result.components


class TestBmiBeforeCalf:
    def test_a_given_bmi_beats_a_given_calf(self):
        result = mna(bmi=18.0, calf_circumference_cm=35.0)
        assert result.components["bmi"] == 0 and "calf_circumference_cm" not in result.components

    def test_a_derived_bmi_beats_a_given_calf(self):
        facts = ClientFacts(care_setting="home", weights=[(ON, 52.0)], heights=[(ON, 170.0)])
        result = mna(facts, bmi=None, calf_circumference_cm=35.0)
        assert result.components["bmi"] == 0  # 18.0
        assert "calf_circumference_cm" not in result.components

    def test_a_stored_calf_is_used_when_no_bmi_can_be_had(self):
        facts = ClientFacts(care_setting="home", weights=[(ON, 52.0)], calf=[(ON, 29.0, 5)])
        result = mna(facts, bmi=None)
        assert result.components["calf_circumference_cm"] == 0
        assert result.derived["calf_circumference_cm"].sources[0].measurement_id == 5

    def test_neither_is_an_error_naming_both_keys(self):
        with pytest.raises(ScreeningInputError) as exc:
            mna(bmi=None)
        assert set(exc.value.errors) == {"bmi", "calf_circumference_cm"}
        assert "no weight_kg measured" in exc.value.errors["bmi"][0]


@pytest.mark.parametrize("changes, total, risk", [
    ({}, 14, "normal"),
    ({"bmi": 21.0, "neuropsychological": "mild_dementia"}, 12, "normal"),
    ({"bmi": 21.0, "neuropsychological": "mild_dementia", "mobility": "out_of_bed_not_out"},
     11, "at_risk"),
    ({"food_intake_decline": "severe", "mobility": "out_of_bed_not_out",
      "neuropsychological": "severe_dementia_or_depression", "bmi": 21.0}, 8, "at_risk"),
    ({"food_intake_decline": "severe", "mobility": "bed_or_chair_bound",
      "neuropsychological": "severe_dementia_or_depression", "bmi": 21.0}, 7, "malnourished"),
    ({"food_intake_decline": "severe", "weight_loss": "more_than_3kg",
      "mobility": "bed_or_chair_bound", "acute_stress_or_disease": True,
      "neuropsychological": "severe_dementia_or_depression", "bmi": 18.0}, 0, "malnourished"),
])
def test_total_and_risk_edges(changes, total, risk):
    result = mna(**changes)
    assert (result.total_score, result.risk) == (total, risk)
    assert sum(result.components.values()) == total


@pytest.mark.parametrize("setting, changes, due", [
    ("home", {}, date(2027, 10, 1)),                  # normal: +12 months at home
    ("nursing_home", {}, date(2027, 1, 1)),           # normal: +3 months
    ("hospital", {}, date(2027, 1, 1)),
    ("home", {"bmi": 18.0, "mobility": "out_of_bed_not_out"}, date(2026, 11, 1)),  # at_risk
    ("hospital", {"bmi": 18.0, "weight_loss": "more_than_3kg",
                  "food_intake_decline": "severe"}, date(2026, 11, 1)),  # malnourished
])
def test_next_due(setting, changes, due):
    assert mna(ClientFacts(care_setting=setting), **changes).next_due == due


def test_next_due_month_end_clamping():
    result = score("mna_sf", BEST, ClientFacts(care_setting="nursing_home"), date(2026, 11, 30))
    assert result.next_due == date(2027, 2, 28)


def test_derived_weight_loss_is_scored():
    facts = ClientFacts(care_setting="home",
                        weights=[(date(2026, 7, 1), 70.0), (date(2026, 10, 1), 66.5)])
    result = mna(facts, weight_loss=None)
    assert result.inputs["weight_loss"] == "more_than_3kg"
    assert result.components["weight_loss"] == 0


def test_an_invalid_bmi_is_reported_and_no_calf_is_used_instead():
    with pytest.raises(ScreeningInputError) as exc:
        mna(bmi=-1, calf_circumference_cm=35.0)
    assert list(exc.value.errors) == ["bmi"]


def test_an_invalid_calf_is_reported_alone_when_no_bmi_can_be_had():
    with pytest.raises(ScreeningInputError) as exc:
        mna(bmi=None, calf_circumference_cm="thin")
    assert exc.value.errors == {"calf_circumference_cm": ["must be a number"]}
