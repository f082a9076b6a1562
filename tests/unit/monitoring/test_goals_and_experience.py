"""Goal criteria and progress; the experience survey's items and score."""
from __future__ import annotations

from decimal import Decimal

from nutriplat.monitoring import experience, goal_rules


def test_a_counted_goal_is_met_as_soon_as_the_count_is_reached():
    assert goal_rules.progress("sessions", "at_least", 12, 6, period_over=False) == goal_rules.Progress(6, 0.5, False)
    assert goal_rules.progress("sessions", "at_least", 12, 12, period_over=False).met


def test_a_mean_is_judged_only_when_the_period_is_over():
    assert not goal_rules.progress("mean_percent_eaten", "at_least", 75, 80, period_over=False).met
    assert goal_rules.progress("mean_percent_eaten", "at_least", 75, 80, period_over=True).met


def test_an_at_most_goal_and_nothing_measured_yet():
    assert goal_rules.progress("weight_kg", "at_most", 90, 88.4, period_over=False).met
    assert goal_rules.progress("weight_kg", "at_most", 90, 100, period_over=False).fraction == 0.9
    assert goal_rules.progress("weight_kg", "at_least", 60, None, period_over=True) == goal_rules.Progress(
        None, 0.0, False)


def test_a_criterion_must_be_measurable_for_its_domain():
    assert goal_rules.criterion_errors("nutrition", "weight_kg", "at_least", 60) == {}
    assert goal_rules.criterion_errors("activity", "weight_kg", "at_most", 0) == {
        "metric": "'weight_kg' measures nutrition goals only.", "target": "Must be more than 0."}
    assert goal_rules.criterion_errors("social_contact", "sessions", "at_most", 3) == {
        "direction": "'sessions' goals are at_least."}
    assert "metric" in goal_rules.criterion_errors("activity", "steps", "at_least", 3)


def test_the_experience_score_is_the_mean_of_five_items():
    answers = dict(zip(experience.ITEMS, (5, 4, 4, 3, 5), strict=True))
    assert experience.answer_errors(answers) == {}
    assert experience.mean_score(answers) == Decimal("4.20")
    assert experience.mean_score(dict(zip(experience.ITEMS, (5, 5, 4, 4, 4), strict=True))) == Decimal("4.40")


def test_every_item_is_answered_with_a_whole_number_from_one_to_five():
    answers = dict(zip(experience.ITEMS, (0, 6, 3.5, True), strict=False))  # the fifth item left unanswered
    answers["colour"] = 3
    assert experience.answer_errors(answers) == {
        "answers.colour": "Not an item of the survey.",
        "answers.meals_enjoyed": "Must be a whole number from 1 to 5.",
        "answers.texture_suits": "Must be a whole number from 1 to 5.",
        "answers.own_pace": "Must be a whole number from 1 to 5.",
        "answers.deliveries_reliable": "Must be a whole number from 1 to 5.",
        "answers.feel_supported": "Missing."}
