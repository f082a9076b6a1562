"""SNAQ (hospital) and SNAQ65+ (community, decision tree without points)."""
from datetime import date

import pytest

from nutriplat.screening.domain import ClientFacts, ScreeningInputError, score

ON = date(2026, 10, 1)


def snaq(weight_loss="none", appetite=False, supplements=False, setting="hospital"):
    return score("snaq", {"weight_loss": weight_loss, "decreased_appetite_last_month": appetite,
                          "supplements_or_tube_feeding_last_month": supplements},
                 ClientFacts(care_setting=setting), ON)


class TestSnaq:
    @pytest.mark.parametrize("value, points", [
        ("none", 0), ("more_than_3kg_last_month", 2), ("more_than_6kg_last_6_months", 3),
        ("both", 3)])
    def test_weight_loss_points(self, value, points):
        assert snaq(value).components["weight_loss"] == points

    @pytest.mark.parametrize("appetite, supplements, total", [
        (False, False, 0), (True, False, 1), (False, True, 1), (True, True, 2)])
    def test_one_point_each_for_appetite_and_supplements(self, appetite, supplements, total):
        assert snaq(appetite=appetite, supplements=supplements).total_score == total

    @pytest.mark.parametrize("args, total, risk", [
        (("none",), 0, "not_malnourished"),
        (("none", True), 1, "not_malnourished"),
        (("none", True, True), 2, "moderately_malnourished"),
        (("more_than_3kg_last_month",), 2, "moderately_malnourished"),
        (("more_than_3kg_last_month", True), 3, "severely_malnourished"),
        (("both", True, True), 5, "severely_malnourished"),
    ])
    def test_total_and_risk(self, args, total, risk):
        result = snaq(*args)
        assert (result.total_score, result.risk) == (total, risk)
        assert sum(result.components.values()) == total

    @pytest.mark.parametrize("setting, args, due", [   # product default, see schedule.py
        ("hospital", ("both",), date(2026, 10, 8)),
        ("hospital", ("none",), date(2026, 10, 8)),
        ("nursing_home", ("none",), date(2026, 11, 1)),
        ("home", ("none",), date(2027, 10, 1)),
        ("home", ("more_than_3kg_last_month",), date(2026, 12, 1)),
        ("home", ("both",), date(2026, 11, 1)),
    ])
    def test_next_due_product_default(self, setting, args, due):
        assert snaq(*args, setting=setting).next_due == due

    def test_nothing_is_derived(self):
        with pytest.raises(ScreeningInputError) as exc:
            score("snaq", {}, ClientFacts(care_setting="hospital",
                                          weights=[(date(2026, 1, 1), 80.0), (ON, 70.0)]), ON)
        assert set(exc.value.errors) == {"weight_loss", "decreased_appetite_last_month",
                                         "supplements_or_tube_feeding_last_month"}


def snaq65(muac=28.0, loss=False, appetite=False, stairs=False, facts=None):
    answers = {"muac_cm": muac, "weight_loss_4kg_6_months": loss,
               "poor_appetite_last_week": appetite, "difficulty_stairs_or_walking": stairs}
    return score("snaq65", {k: v for k, v in answers.items() if v is not None}, facts, ON)


class TestSnaq65:
    @pytest.mark.parametrize("kwargs, risk, triggers", [
        ({}, "green", []),
        ({"muac": 24.9}, "red", ["muac_below_25"]),
        ({"muac": 25.0}, "green", []),
        ({"muac": 24.99}, "red", ["muac_below_25"]),   # MUAC is not rounded
        ({"loss": True}, "red", ["weight_loss_4kg_6_months"]),
        ({"muac": 20.0, "loss": True}, "red", ["muac_below_25", "weight_loss_4kg_6_months"]),
        ({"appetite": True, "stairs": True}, "orange",
         ["poor_appetite_last_week", "difficulty_stairs_or_walking"]),
        ({"appetite": True}, "green", []),
        ({"stairs": True}, "green", []),
        ({"loss": True, "appetite": True, "stairs": True}, "red", ["weight_loss_4kg_6_months"]),
    ])
    def test_decision_tree(self, kwargs, risk, triggers):
        result = snaq65(**kwargs)
        assert (result.risk, list(result.details["triggers"])) == (risk, triggers)
        assert result.total_score is None and dict(result.components) == {}

    @pytest.mark.parametrize("kwargs, due", [
        ({"muac": 24.0}, date(2026, 11, 1)),
        ({"appetite": True, "stairs": True}, date(2027, 1, 1)),
        ({}, date(2027, 10, 1)),
    ])
    def test_next_due_by_colour_in_any_setting(self, kwargs, due):
        assert snaq65(**kwargs).next_due == due

    def test_next_due_month_end_clamping(self):
        result = score("snaq65", {"muac_cm": 20.0, "weight_loss_4kg_6_months": False,
                                  "poor_appetite_last_week": False,
                                  "difficulty_stairs_or_walking": False}, None, date(2026, 10, 31))
        assert result.next_due == date(2026, 11, 30)

    @pytest.mark.parametrize("current, risk", [(66.0, "green"), (65.9, "red")])
    def test_weight_loss_derived_as_more_than_4kg_over_6_months(self, current, risk):
        facts = ClientFacts(weights=[(date(2026, 4, 1), 70.0), (ON, current)])
        result = snaq65(loss=None, facts=facts)
        assert result.risk == risk and "weight_loss_4kg_6_months" in result.derived

    def test_muac_from_the_latest_stored_measurement(self):
        facts = ClientFacts(muac=[(date(2026, 1, 1), 27.0), (date(2026, 9, 1), 24.5)])
        assert snaq65(muac=None, facts=facts).risk == "red"

    def test_missing_muac_without_measurement_is_named(self):
        with pytest.raises(ScreeningInputError) as exc:
            snaq65(muac=None)
        assert list(exc.value.errors) == ["muac_cm"]
