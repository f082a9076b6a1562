"""The risk score of a case: documented weights per rule and severity, the severity
following the score, the strongest signal giving the reason and the action."""
from __future__ import annotations

from nutriplat.monitoring.domain import risk
from nutriplat.monitoring.domain.risk import Signal, assess, change_reason


def test_no_signal_no_case():
    assert assess([]) is None


def test_each_signal_contributes_its_weight_times_its_severity():
    case = assess([Signal(1, "fluid_below_target", "medium", "fluid low"),
                   Signal(2, "weight_loss", "high", "weight fell")])
    assert case is not None
    assert [(c.rule, c.points) for c in case.contributions] == [("weight_loss", 45), ("fluid_below_target", 16)]
    assert case.risk_score == 61 and case.severity == "high"
    assert case.reason == "weight fell (+1 more signal)" and case.suggested_action == "visit"


def test_the_severity_follows_the_score():
    assert [risk.severity_of(score) for score in (0, 24, 25, 49, 50, 100)] == [
        "low", "low", "medium", "medium", "high", "high"]


def test_the_score_is_capped():
    signals = [Signal(n, rule, "high", rule) for n, rule in enumerate(risk.WEIGHTS)]
    case = assess(signals)
    assert case is not None and case.risk_score == risk.MAX_SCORE


def test_weight_loss_with_collapsed_intake_involves_the_gp():
    case = assess([Signal(1, "weight_loss", "high", "w"), Signal(2, "intake_below_50_3_days", "high", "i")])
    assert case is not None and case.suggested_action == "involve_gp"


def test_every_rule_has_a_weight_a_kind_and_an_action():
    from nutriplat.monitoring.rules import RULES
    for rule in RULES:
        assert rule in risk.WEIGHTS and rule in risk.KINDS and risk.ACTION_FOR[rule] in risk.ACTIONS


def test_the_history_says_what_changed():
    low = assess([Signal(1, "fluid_below_target", "medium", "f")])
    high = assess([Signal(1, "fluid_below_target", "medium", "f"), Signal(2, "weight_loss", "high", "w")])
    assert change_reason(low, high) == "+weight_loss; severity low → high; score 16 → 61"
    assert change_reason(high, low) == "-weight_loss; severity high → low; score 61 → 16"
