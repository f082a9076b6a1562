"""NRS-2002: initial screen, final screening (max of sub-scores + severity + age), edges."""
from datetime import date

import pytest

from nutriplat.screening.domain import ClientFacts, ScreeningInputError, score

ON = date(2026, 10, 1)
NO = {"bmi_below_20_5": False, "weight_loss_3_months": False,
      "reduced_intake_last_week": False, "severely_ill": False}
# Final screening answers that score 0 everywhere.
ZERO = {"weight_loss_5pct_within_months": None, "intake_percent_of_requirement": 100,
        "impaired_general_condition": False, "disease_severity": 0, "age": 50}


def nrs(facts=None, **changes):
    answers = {k: v for k, v in (NO | {"severely_ill": True} | ZERO | changes).items()
               if v is not ...}
    return score("nrs_2002", answers, facts, ON)


def errors_of(answers, facts=None):
    with pytest.raises(ScreeningInputError) as exc:
        score("nrs_2002", answers, facts, ON)
    return exc.value.errors


class TestInitialScreening:
    def test_all_four_false_ends_the_screening(self):
        result = score("nrs_2002", NO, None, ON)  # no final keys needed, no setting needed
        assert (result.total_score, result.risk) == (None, "not_at_risk")
        assert dict(result.components) == {}
        assert result.next_due == date(2026, 10, 8)
        assert result.details["final_screening"] is False

    @pytest.mark.parametrize("key", sorted(NO))
    def test_any_true_requires_the_final_screening(self, key):
        errors = errors_of(NO | {key: True}, ClientFacts())
        assert set(errors) == {"weight_loss_5pct_within_months", "intake_percent_of_requirement",
                               "impaired_general_condition", "disease_severity", "age"}

    def test_final_keys_are_ignored_when_the_initial_screen_is_negative(self):
        result = score("nrs_2002", NO | ZERO | {"disease_severity": 3}, None, ON)
        assert result.total_score is None

    def test_initial_flags_are_derived_from_stored_measurements(self):
        facts = ClientFacts(weights=[(date(2026, 7, 1), 70.0), (ON, 69.0)],
                            heights=[(ON, 160.0)])  # BMI 27.0, loss 1.4 %
        answers = {"reduced_intake_last_week": False, "severely_ill": False}
        result = score("nrs_2002", answers | ZERO, facts, ON)
        assert result.details["initial_screening"] == {
            "bmi_below_20_5": False, "weight_loss_3_months": True,
            "reduced_intake_last_week": False, "severely_ill": False}
        assert result.total_score == 0  # final screening reached through the derived loss

    def test_an_underivable_initial_flag_is_named(self):
        errors = errors_of({"reduced_intake_last_week": False, "severely_ill": False})
        assert set(errors) == {"bmi_below_20_5", "weight_loss_3_months"}
        assert "needs bmi" in errors["bmi_below_20_5"][0]


@pytest.mark.parametrize("within, points", [(3, 1), (2, 2), (1, 3), (None, 0)])
def test_weight_loss_5pct_within_months(within, points):
    result = nrs(weight_loss_5pct_within_months=within)
    assert result.details["nutritional_status"]["weight_loss"] == points


@pytest.mark.parametrize("percent, points", [(15.0, 1), (15.04, 1), (15.05, 3), (15.1, 3)])
def test_more_than_15_percent_in_3_months_scores_3(percent, points):
    result = nrs(weight_loss_5pct_within_months=3, weight_loss_percent_3_months=percent)
    assert result.details["nutritional_status"]["weight_loss"] == points


def test_the_3_month_percentage_is_derived_when_left_out():
    facts = ClientFacts(weights=[(date(2026, 7, 1), 70.0), (ON, 59.4)])  # 15.1 %
    result = nrs(facts, weight_loss_5pct_within_months=3)
    assert result.inputs["weight_loss_percent_3_months"] == 15.1
    assert result.components["nutritional_status"] == 3


@pytest.mark.parametrize("intake, points", [
    (0, 3), (24.9, 3), (25, 2), (49.9, 2), (50, 1), (74.9, 1), (75, 0), (120, 0)])
def test_intake_percent_of_requirement(intake, points):
    result = nrs(intake_percent_of_requirement=intake)
    assert result.details["nutritional_status"]["intake"] == points


@pytest.mark.parametrize("bmi, points", [(18.4, 3), (18.5, 2), (20.5, 2), (20.6, 0), (20.45, 2)])
def test_bmi_with_impaired_general_condition(bmi, points):
    result = nrs(bmi=bmi, impaired_general_condition=True)
    assert result.details["nutritional_status"]["bmi_and_general_condition"] == points


def test_bmi_scores_nothing_without_impaired_general_condition():
    result = nrs(bmi=15.0, impaired_general_condition=False)
    assert result.details["nutritional_status"]["bmi_and_general_condition"] == 0


def test_bmi_is_required_only_with_impaired_general_condition():
    assert nrs(impaired_general_condition=False).total_score == 0  # no BMI anywhere
    errors = errors_of(NO | {"severely_ill": True} | ZERO | {"impaired_general_condition": True})
    assert list(errors) == ["bmi"]


def test_bmi_is_derived_for_the_final_screening():
    facts = ClientFacts(weights=[(ON, 52.0)], heights=[(ON, 170.0)])  # 18.0
    result = nrs(facts, bmi_below_20_5=..., impaired_general_condition=True)
    assert result.details["nutritional_status"]["bmi_and_general_condition"] == 3
    assert set(result.derived) == {"bmi", "bmi_below_20_5"}


def test_nutritional_status_is_the_highest_sub_score_not_the_sum():
    result = nrs(weight_loss_5pct_within_months=2, intake_percent_of_requirement=60,
                 impaired_general_condition=True, bmi=19.0)
    assert result.details["nutritional_status"] == {
        "weight_loss": 2, "intake": 1, "bmi_and_general_condition": 2}
    assert result.components["nutritional_status"] == 2


@pytest.mark.parametrize("severity", [0, 1, 2, 3])
def test_disease_severity_is_added(severity):
    result = nrs(disease_severity=severity)
    assert result.components["disease_severity"] == severity == result.total_score


@pytest.mark.parametrize("age, points", [(69, 0), (70, 1), (95, 1)])
def test_age_70_or_over_adds_one(age, points):
    assert nrs(age=age).components["age"] == points


@pytest.mark.parametrize("born, points", [(date(1956, 10, 2), 0), (date(1956, 10, 1), 1)])
def test_age_is_derived_from_the_birth_date(born, points):
    result = nrs(ClientFacts(birth_date=born), age=...)
    assert result.components["age"] == points


@pytest.mark.parametrize("changes, total, risk", [
    ({"disease_severity": 2}, 2, "not_at_risk"),
    ({"disease_severity": 2, "age": 70}, 3, "at_risk"),
    ({"weight_loss_5pct_within_months": 3, "disease_severity": 1, "age": 70}, 3, "at_risk"),
    ({"intake_percent_of_requirement": 10, "disease_severity": 3, "age": 80}, 7, "at_risk"),
])
def test_total_and_risk(changes, total, risk):
    result = nrs(**changes)
    assert (result.total_score, result.risk) == (total, risk)
    assert sum(result.components.values()) == total


@pytest.mark.parametrize("setting", [None, "home", "nursing_home", "hospital"])
def test_next_due_is_always_seven_days(setting):
    assert nrs(ClientFacts(care_setting=setting)).next_due == date(2026, 10, 8)
