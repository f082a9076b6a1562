"""Care-plan mark (issue 3, item 6) and instrument suggestion (item 4)."""
from datetime import date

import pytest

from nutriplat.screening.domain import (
    INSTRUMENTS,
    RISKS,
    ClientFacts,
    ScreeningInputError,
    diagnose_glim,
    needs_care_plan,
    needs_swallowing_assessment,
    score,
    suggest_instrument,
)

NEEDS_PLAN = {("must", "high"), ("mna_sf", "at_risk"), ("mna_sf", "malnourished"),
              ("nrs_2002", "at_risk"), ("snaq", "moderately_malnourished"),
              ("snaq", "severely_malnourished"), ("snaq65", "red"), ("glim", "malnourished")}


@pytest.mark.parametrize("pair", sorted((c, r) for c, risks in RISKS.items() for r in risks))
def test_which_outcomes_need_a_care_plan(pair):
    decision = needs_care_plan(pair)
    assert decision.needed is (pair in NEEDS_PLAN)
    assert (decision.cause is None) is (pair not in NEEDS_PLAN)


def test_cause_names_instrument_risk_and_score():
    result = score("must", {"bmi": 17.0, "weight_loss_percent": 12.0,
                            "acute_disease_no_intake_5_days": False},
                   ClientFacts(care_setting="home"), date(2026, 10, 1))
    needed, cause = needs_care_plan(result)
    assert (needed, cause) == (True, "MUST high (score 4)")


def test_cause_for_glim_names_the_stage():
    result = diagnose_glim({"weight_loss_percent": 12.0, "weight_loss_period": "within_6_months",
                            "bmi": 22.0, "age": 60, "reduced_muscle_mass": "none",
                            "reduced_intake": True, "inflammation": False}, date(2026, 10, 1))
    assert needs_care_plan(result) == (True, "GLIM malnourished (stage 2)")


def test_snaq65_red_cause_has_no_score():
    assert needs_care_plan({"instrument": "snaq65", "risk": "red"}) == (True, "SNAQ65+ red")


def test_no_result_needs_no_plan():
    assert needs_care_plan(None) == (False, None)


@pytest.mark.parametrize("bogus", [("must", "severe"), ("fancy", "high"), {"risk": "high"}, 42])
def test_unknown_outcomes_are_rejected(bogus):
    with pytest.raises(ValueError):
        needs_care_plan(bogus)


@pytest.mark.parametrize("pair, referral", [
    (("eat_10", "swallowing_problem_suspected"), True), (("eat_10", "normal"), False),
    (("must", "high"), False), (None, False)])
def test_swallowing_referral_is_separate_from_the_care_plan(pair, referral):
    assert needs_swallowing_assessment(pair) is referral
    if pair and pair[0] == "eat_10":
        assert needs_care_plan(pair).needed is False


@pytest.mark.parametrize("setting, age, dysphagia, primary, also", [
    ("home", 50, False, "must", []),
    ("home", 64, False, "must", []),
    ("home", 65, False, "mna_sf", ["must"]),
    ("home", 80, True, "mna_sf", ["must", "eat_10"]),
    ("hospital", 50, False, "nrs_2002", []),
    ("hospital", 80, False, "nrs_2002", ["mna_sf"]),
    ("hospital", 40, True, "nrs_2002", ["eat_10"]),
    ("nursing_home", 85, False, "mna_sf", []),
    ("nursing_home", 60, False, "must", []),
    ("nursing_home", 60, True, "must", ["eat_10"]),
    (None, None, False, "must", []),
    (None, 70, False, "mna_sf", []),
    ("home", None, True, "must", ["eat_10"]),
])
def test_suggestion(setting, age, dysphagia, primary, also):
    s = suggest_instrument(setting, age, dysphagia)
    assert (s.instrument, [a.instrument for a in s.also]) == (primary, also)
    assert s.reason and all(a.reason for a in s.also)
    assert set(s.allowed) == set(INSTRUMENTS)  # never a block


@pytest.mark.parametrize("args, keys", [
    (("ward", 70, False), {"care_setting"}), (("home", -1, False), {"age"}),
    (("home", 70.0, False), {"age"}), (("home", True, False), {"age"}),
    (("home", 70, "yes"), {"dysphagia_known_or_suspected"}),
])
def test_bad_suggestion_input(args, keys):
    with pytest.raises(ScreeningInputError) as exc:
        suggest_instrument(*args)
    assert set(exc.value.errors) == keys
