"""Item 7 of issue 21, the survey's questions as data: versioned per provider, revised by its
admin for the next quarter (never the running one), and each answer keeps its version."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from nutriplat.clock import clock_set_to
from nutriplat.indicators.models import StaffSurveyResponse
from nutriplat.indicators.staff_survey import QUESTIONS
from tests.api.test_staff_survey import answer, answers
from tests.business_day import moment

pytestmark = pytest.mark.business_day("2026-12-07")
PATH = "/api/v1/staff-survey/questions"
REVISED = [{"code": "workload_manageable", "nl": "Mijn werkdruk is haalbaar.", "en": "My workload is manageable."},
           {"code": "breaks_taken", "nl": "Ik kan mijn pauzes nemen.", "en": "I can take my breaks."},
           {"code": "safe_on_the_road", "nl": "Ik voel me veilig onderweg.", "en": "I feel safe on the road."}]


def test_an_admin_revises_the_questions_for_the_next_quarter_and_answers_keep_their_version(http, world, uow):
    admin, dietitian = world.person("ada", "admin"), world.person("dina", "dietitian")
    driver = world.person("dirk", "logistics")
    asked = http.get(PATH, headers=dietitian.headers).json
    assert (asked["version"], [q["code"] for q in asked["questions"]]) == (1, list(QUESTIONS))
    bad = http.post(PATH, headers=admin.headers, json={"questions": [
        {"code": "Breaks!", "nl": "Ik kan mijn pauzes nemen.", "en": "ok"}, REVISED[0], REVISED[0]]})
    assert bad.status_code == 422
    assert set(bad.json["errors"]) == {"questions.0.code", "questions.0.en", "questions.2.code"}
    assert http.post(PATH, headers=dietitian.headers, json={"questions": REVISED}).status_code == 403
    assert answer(http, dietitian, "dietitian", answers(4)).status_code == 201  # 2026Q4: the built-in five
    revised = http.post(PATH, headers=admin.headers, json={"questions": REVISED})
    assert revised.status_code == 201, revised.json
    assert (revised.json["version"], revised.json["effective_from"]) == (2, "2027Q1")
    assert http.get(PATH, headers=driver.headers).json["version"] == 1  # never the running quarter
    new_answers = {q["code"]: 3 for q in REVISED}
    assert answer(http, driver, "driver", new_answers).status_code == 422
    with clock_set_to(moment("2027-01-15")):
        driver = world.person("dora", "logistics")  # signed in in January (a token of December has expired)
        seen = http.get(PATH, headers=driver.headers)
        assert seen.status_code == 200, seen.json
        assert seen.json["questions"] == REVISED
        old = answer(http, driver, "driver", answers(4))
        assert old.status_code == 422 and "answers.breaks_taken" in old.json["errors"]
        assert answer(http, driver, "driver", new_answers).status_code == 201
    with uow:
        kept = uow.session.execute(select(StaffSurveyResponse.period, StaffSurveyResponse.questionnaire_version,
                                          StaffSurveyResponse.score).order_by(StaffSurveyResponse.id)).all()
    assert [(p, v, str(s)) for p, v, s in kept] == [("2026Q4", 1, "4.00"), ("2027Q1", 2, "3.00")]
