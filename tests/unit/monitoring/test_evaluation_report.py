"""The early-warning evaluation's figures, on a hand-made replay: an event counts as caught
when a case was open on one of the 14 days before it, the lead is from the first such day,
and a case is followed when an event of the client comes within 14 days of its opening."""
from __future__ import annotations

from datetime import date, timedelta

from tools.early_warning.replay import CaseSpan, Replay
from tools.early_warning.report import figures, table
from tools.early_warning.trajectories import build

FIRST = date(2026, 12, 7)


def day(n: int) -> date:
    return FIRST + timedelta(days=n)


def test_sensitivity_lead_time_and_precision_on_a_known_replay():
    run = Replay(first_day=FIRST, days=40, in_care=[10] * 40, open_cases=[1] * 20 + [2] * 20,
                 open_signals=[{"weight_loss": 1}] * 40,
                 cases=[CaseSpan(1, day(20), day(30), None),  # 6 days before client 1's admission
                        CaseSpan(2, day(25), None, None),  # opened on client 2's weight loss: too late
                        CaseSpan(3, day(15), day(18), "false_alarm")],  # nothing follows
                 events={1: [("admission", day(26))], 2: [("weight_loss_5", day(25))], 3: [],
                         4: [("admission", day(5))]})  # in the warm-up: not measured
    result = figures(run, warm_up=14)
    assert result["sensitivity"] == 0.5 and result["median_lead_days"] == 6
    assert result["precision_proxy"] == round(2 / 3, 3)  # client 2's case is followed by its event the same day
    assert result["events"] == {"admission": 1, "weight_loss_5": 1}
    assert result["open_cases_per_100_clients"]["median"] == 20.0
    assert result["cases_per_100_clients_week"] == round(100 * 3 / 10 / (26 / 7), 1)
    assert "median lead time (days)" in table(result)


def test_a_trajectory_is_the_same_for_the_same_seed_and_its_events_lie_in_the_simulated_days():
    first = build(2026, "demo-client-001", FIRST, 90, 70.0, 170.0, [])
    again = build(2026, "demo-client-001", FIRST, 90, 70.0, 170.0, [])
    assert first.days == again.days and first.events() == again.events()
    assert all(FIRST <= on < day(90) for _, on in first.events())


def test_declines_lead_to_weight_loss_and_admissions_in_a_plausible_share_of_clients():
    paths = [build(2026, f"client-{n}", FIRST, 90, 70.0, 170.0, []) for n in range(300)]
    declines = [p for p in paths if any(e.kind == "decline" for e in p.episodes)]
    admitted = [p for p in paths if p.stays]
    assert 0.12 < len(declines) / 300 < 0.3 and 0.05 < len(admitted) / 300 < 0.18
    losing = [p for p in paths if any(kind == "weight_loss_5" for kind, _ in p.events())]
    assert losing and sum(p in declines for p in losing) > 0.8 * len(losing)  # weight is lost in a decline


def test_a_longer_window_measures_leads_beyond_fourteen_days():
    run = Replay(first_day=FIRST, days=60, in_care=[10] * 60, open_cases=[1] * 60, open_signals=[{}] * 60,
                 cases=[CaseSpan(1, day(30), day(34), None)], events={1: [("admission", day(50))]})
    assert figures(run, warm_up=28)["sensitivity"] == 0.0  # the case closed 16 days before: outside 14
    longer = figures(run, warm_up=28, window=28)
    assert longer["sensitivity"] == 1.0 and longer["median_lead_days"] == 20 and longer["lead_window_days"] == 28
