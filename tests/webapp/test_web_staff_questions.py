"""The admin's page for the staff survey's questions: this quarter's, and a revision for the
next quarter, every problem named next to its row, in both languages; staff are refused."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.business_day("2026-12-07")
PAGE = "/app/admin/staff-survey/questions"


@pytest.mark.parametrize("lang, words", [(None, ("Vragen van de personeelsbevraging", "Vragen vanaf 2027Q1")),
                                         ("en-GB", ("Staff survey questions", "Questions from 2027Q1"))])
def test_an_admin_revises_the_questions_for_the_next_quarter_in_the_web_app(web, world, lang, words):
    browser = web(world.person("ada", "admin"), lang=lang)
    page = browser.get(PAGE)
    assert page.status_code == 200 and all(word in page.text for word in words)
    assert 'value="workload_manageable"' in page.text  # the form starts from the questions now asked
    form = {"questions.0.code": "workload_manageable", "questions.0.nl": "Mijn werkdruk is haalbaar.",
            "questions.0.en": "My workload is manageable.",
            "questions.2.code": "breaks_taken", "questions.2.nl": "Ik kan mijn pauzes nemen.",
            "questions.2.en": "I can take my breaks."}
    refused = browser.post(PAGE, form)  # two questions, and row 3 follows an empty row 2
    assert refused.status_code == 422 and "Between 3 and 12 questions." in refused.text
    form |= {"questions.5.code": "Safe!", "questions.5.nl": "Ik voel me veilig onderweg.", "questions.5.en": "Safe."}
    refused = browser.post(PAGE, form)
    assert refused.status_code == 422 and "Lower-case letters, digits and _" in refused.text
    form |= {"questions.5.code": "safe_on_the_road", "questions.5.en": "I feel safe on the road."}
    done = browser.post(PAGE, form)
    assert done.status_code == 302
    page = browser.get(PAGE)
    assert 'value="breaks_taken"' in page.text and 'value="would_recommend_employer"' not in page.text


def test_staff_cannot_revise_the_questions(web, world):
    assert web(world.person("dina", "dietitian")).get(PAGE).status_code == 403
