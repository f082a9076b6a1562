"""``recent_discharge``: a client back from hospital is a signal for as many days as the
window (14 by default, settable per client), and it raises the rank of their case."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from nutriplat.monitoring.domain.risk import Signal, assess
from nutriplat.monitoring.rules import Observations, Transfer, evaluate
from nutriplat.monitoring.rules.discharge import recent_discharge
from nutriplat.monitoring.rules.thresholds import PARAMETERS

ON = date(2026, 12, 7)


def d(n: int) -> date:
    """n days before ON."""
    return ON - timedelta(days=n)


def stay(admitted: int, discharged: int, home: str = "home") -> list[Transfer]:
    return [Transfer(d(admitted), home, "hospital"), Transfer(d(discharged), "hospital", home)]


@pytest.mark.parametrize(("days_ago", "fires"), [(0, True), (14, True), (15, False)])
def test_a_discharge_is_a_signal_from_its_day_until_the_window_ends(days_ago, fires):
    finding = recent_discharge(stay(days_ago + 6, days_ago), ON, 14)
    assert (finding is not None) == fires
    if finding:
        assert finding.severity == "medium" and finding.evidence_from == d(days_ago)
        assert finding.detail == {"discharged_on": d(days_ago).isoformat(), "to_setting": "home",
                                  "admitted_on": d(days_ago + 6).isoformat(), "window_days": 14}
        assert "after 6 days in hospital" in finding.cause


def test_a_discharge_to_a_nursing_home_counts_too():
    finding = recent_discharge(stay(10, 3, "nursing_home"), ON, 14)
    assert finding is not None and "to nursing home" in finding.cause


def test_a_readmission_ends_the_signal_and_other_moves_are_no_discharge():
    assert recent_discharge([*stay(10, 5), Transfer(d(1), "home", "hospital")], ON, 14) is None
    assert recent_discharge([Transfer(d(2), "home", "nursing_home")], ON, 14) is None
    assert recent_discharge([], ON, 14) is None


def test_a_move_after_the_day_evaluated_is_not_seen_yet():
    assert recent_discharge(stay(8, -1), ON, 14) is None  # discharged tomorrow


def test_the_window_is_the_clients_own_when_their_dietitian_set_one():
    seen = Observations(transfers=stay(30, 20))
    assert PARAMETERS["discharge_window_days"].default == 14
    assert evaluate(seen, ON, ["setting"]) == []
    own = Observations(transfers=stay(30, 20), thresholds={"discharge_window_days": 21})
    [finding] = evaluate(own, ON, ["setting"])
    assert finding.rule == "recent_discharge" and finding.detail["window_days"] == 21


def test_a_recent_discharge_raises_the_rank_of_a_case_and_suggests_a_visit():
    fluid = Signal(1, "fluid_below_target", "medium", "Fluid below target for 3 days.")
    discharge = Signal(2, "recent_discharge", "medium", "Discharged from hospital to home on 2026-12-01.")
    alone, together = assess([fluid]), assess([fluid, discharge])
    assert alone is not None and together is not None
    assert (alone.risk_score, together.risk_score) == (16, 16 + 24)
    assert together.severity == "medium" and together.suggested_action == "visit"
    assert [c.kind for c in together.contributions] == ["recent_discharge", "fluid"]
