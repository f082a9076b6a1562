"""MUST: band edges, totals, risk and next-due dates exactly as in the spec."""
from datetime import date

import pytest

from nutriplat.screening.domain import ClientFacts, score

ON = date(2026, 10, 1)
HOME = ClientFacts(care_setting="home")


def must(bmi=22.0, loss=0.0, acute=False, facts=HOME, on=ON):
    return score("must", {"bmi": bmi, "weight_loss_percent": loss,
                          "acute_disease_no_intake_5_days": acute}, facts, on)


@pytest.mark.parametrize("bmi, points", [
    (20.1, 0), (20.0, 1), (19.0, 1), (18.5, 1), (18.4, 2), (12.0, 2),
    (20.04, 1),   # a given value is rounded half-up first: 20.0
    (20.05, 0),   # → 20.1
    (18.45, 1),   # → 18.5
    (18.44, 2),   # → 18.4
])
def test_bmi_points(bmi, points):
    assert must(bmi=bmi).components["bmi"] == points


@pytest.mark.parametrize("loss, points", [
    (0.0, 0), (4.9, 0), (5.0, 1), (7.5, 1), (10.0, 1), (10.1, 2), (30.0, 2),
    (4.95, 1),    # → 5.0
    (4.94, 0),    # → 4.9
    (10.04, 1),   # → 10.0
    (10.05, 2),   # → 10.1
])
def test_weight_loss_points(loss, points):
    assert must(loss=loss).components["weight_loss_percent"] == points


@pytest.mark.parametrize("acute, points", [(True, 2), (False, 0)])
def test_acute_disease_points(acute, points):
    assert must(acute=acute).components["acute_disease_no_intake_5_days"] == points


@pytest.mark.parametrize("bmi, loss, acute, total, risk", [
    (22.0, 0.0, False, 0, "low"),
    (19.0, 0.0, False, 1, "medium"),
    (22.0, 6.0, False, 1, "medium"),
    (19.0, 6.0, False, 2, "high"),
    (22.0, 0.0, True, 2, "high"),
    (17.0, 12.0, True, 6, "high"),
])
def test_total_and_risk(bmi, loss, acute, total, risk):
    result = must(bmi, loss, acute)
    assert (result.total_score, result.risk) == (total, risk)
    assert sum(result.components.values()) == total
    assert (result.instrument, result.instrument_version) == ("must", "bapen-2003/spec-1")


def test_the_spec_rounding_example_from_stored_weights():
    """70.0 kg → 61.6 kg is a 12.0 % loss: 2 points."""
    facts = ClientFacts(care_setting="home",
                        weights=[(date(2026, 4, 1), 70.0), (date(2026, 10, 1), 61.6)],
                        heights=[(date(2026, 1, 1), 165.0)])
    result = score("must", {"acute_disease_no_intake_5_days": False}, facts, ON)
    assert result.inputs == {"acute_disease_no_intake_5_days": False, "bmi": 22.6,
                             "weight_loss_percent": 12.0}
    assert (result.components["weight_loss_percent"], result.risk) == (2, "high")


@pytest.mark.parametrize("weight, height, points", [
    (53.4, 170.0, 1),   # BMI 18.477 rounds onto 18.5: 1 point, not 2
    (57.9, 170.0, 1),   # BMI 20.035 rounds onto 20.0: 1 point, not 0
    (73.8, 200.0, 1),   # exactly 18.45 → 18.5
    (73.7, 200.0, 2),   # 18.425 → 18.4
])
def test_a_derived_bmi_is_banded_after_rounding(weight, height, points):
    facts = ClientFacts(care_setting="home", weights=[(ON, weight)], heights=[(ON, height)])
    result = score("must", {"weight_loss_percent": 0.0,
                            "acute_disease_no_intake_5_days": False}, facts, ON)
    assert result.components["bmi"] == points


@pytest.mark.parametrize("setting, bmi, loss, due", [
    ("hospital", 22.0, 0.0, date(2026, 10, 8)),       # +7 days, any risk
    ("hospital", 17.0, 12.0, date(2026, 10, 8)),
    ("nursing_home", 22.0, 0.0, date(2026, 11, 1)),   # +1 month, any risk
    ("nursing_home", 17.0, 12.0, date(2026, 11, 1)),
    ("home", 22.0, 0.0, date(2027, 10, 1)),           # low +12 months
    ("home", 19.0, 0.0, date(2026, 12, 1)),           # medium +2 months
    ("home", 17.0, 0.0, date(2026, 11, 1)),           # high +1 month
])
def test_next_due_by_care_setting_and_risk(setting, bmi, loss, due):
    assert must(bmi, loss, facts=ClientFacts(care_setting=setting)).next_due == due


@pytest.mark.parametrize("on, setting, bmi, due", [
    (date(2026, 1, 31), "home", 17.0, date(2026, 2, 28)),          # high +1 month, clamped
    (date(2027, 12, 31), "home", 19.0, date(2028, 2, 29)),         # medium +2 months, leap
    (date(2028, 2, 29), "home", 22.0, date(2029, 2, 28)),          # low +12 months
    (date(2026, 8, 31), "nursing_home", 22.0, date(2026, 9, 30)),
    (date(2026, 12, 28), "hospital", 22.0, date(2027, 1, 4)),
])
def test_next_due_month_end_clamping(on, setting, bmi, due):
    assert must(bmi, facts=ClientFacts(care_setting=setting), on=on).next_due == due
