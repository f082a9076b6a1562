"""The screening forms ask exactly the domain's keys and choices; the chart geometry
and the form-error mapping are plain functions."""
from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest

from nutriplat.screening.domain import INSTRUMENTS
from nutriplat.screening.domain.fields import Invalid
from nutriplat.screening.domain.registry import GLIM
from nutriplat.webapp.charts import weight_chart
from nutriplat.webapp.dietitian.questions import CHOICE, QUESTIONS, answers_from_form
from nutriplat.webapp.forms import flatten

SPECS = {**INSTRUMENTS, "glim": GLIM}


@pytest.mark.parametrize("code", sorted(SPECS))
def test_each_form_asks_the_domains_keys_and_its_choices_are_accepted(code):
    questions = QUESTIONS[code]
    assert [q.key for q in questions] == list(SPECS[code].fields)
    for q in questions:
        if q.kind == CHOICE:
            validator = SPECS[code].fields[q.key]
            assert [validator(option) for option in q.options] == list(q.options)
            with pytest.raises(Invalid):
                validator("not-an-answer")


def test_form_strings_become_the_domains_strict_types():
    assert answers_from_form("must", {"answers.bmi": "18,5", "answers.acute_disease_no_intake_5_days": "true",
                                      "answers.weight_loss_percent": ""}) == {
        "bmi": 18.5, "acute_disease_no_intake_5_days": True}
    assert answers_from_form("nrs_2002", {"answers.weight_loss_5pct_within_months": "none",
                                          "answers.disease_severity": "2"}) == {
        "weight_loss_5pct_within_months": None, "disease_severity": 2}
    items = {f"answers.items.{i}": "1" for i in range(1, 11)}
    assert answers_from_form("eat_10", items) == {"items": [1] * 10}
    assert answers_from_form("must", {"answers.bmi": "abc"}) == {"bmi": "abc"}  # the domain says why


def test_nested_field_errors_get_dotted_names():
    assert flatten({"energy_kcal": {"reason": ["Missing."]}, "_schema": ["Whole."]}) == {
        "energy_kcal.reason": ["Missing."], "_form": ["Whole."]}


def _at(day: int) -> datetime:
    return datetime(2026, 11, day, 9, tzinfo=UTC)


def test_the_weight_chart_places_weights_and_screenings():
    weights = [SimpleNamespace(measured_at=_at(1), value=70.0), SimpleNamespace(measured_at=_at(21), value=61.6)]
    screening = SimpleNamespace(performed_at=_at(11), instrument="must", risk="high", total_score=2)
    chart = weight_chart(weights, [screening])
    first, last = chart.dots
    assert first.x < chart.markers[0].x < last.x  # the screening between the weighings
    assert first.y < last.y  # heavier is higher on the screen (smaller y)
    left, top, right, bottom = chart.plot
    assert all(left <= d.x <= right and top <= d.y <= bottom for d in chart.dots)
    assert chart.y_ticks[0][1] <= 61.6 and chart.y_ticks[-1][1] >= 70.0
    assert weight_chart([], []).empty
