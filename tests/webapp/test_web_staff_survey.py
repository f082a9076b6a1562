"""The staff survey page: a driver answers on a phone in Dutch or English, every missing
answer is named next to its question, and the quarter's survey is answered once."""
from __future__ import annotations

import pytest

from nutriplat.clock import clock_set_to
from nutriplat.indicators.staff_survey import QUESTIONS
from tests.api.test_staff_survey_questions import PATH, REVISED
from tests.business_day import moment

pytestmark = pytest.mark.business_day("2026-12-07")


def test_a_driver_answers_the_quarters_survey_once(web, world):
    driver = web(world.person("dirk", "logistics"))
    page = driver.get("/app/staff/survey")
    assert page.status_code == 200
    assert "Personeelsbevraging" in page.text and "2026Q4" in page.text and "keukenpersoneel" in page.text
    incomplete = driver.post("/app/staff/survey", {"staff_group": "driver", f"answers.{QUESTIONS[0]}": "4"})
    assert incomplete.status_code == 422
    assert all(f"answers.{q}" in incomplete.text for q in QUESTIONS[1:]) and "has-error" in incomplete.text
    done = driver.post("/app/staff/survey", {"staff_group": "driver", **{f"answers.{q}": "4" for q in QUESTIONS}})
    assert done.status_code == 302, done.text
    assert "Bedankt: uw antwoorden voor 2026Q4 zijn binnen." in driver.get("/app/staff/survey").text
    again = driver.post("/app/staff/survey", {"staff_group": "kitchen", **{f"answers.{q}": "2" for q in QUESTIONS}})
    assert again.status_code == 409


def test_a_dietitian_sees_the_survey_in_english_and_a_cofinancer_does_not(web, world):
    dietitian = web(world.person("dora", "dietitian"), lang="en-GB")
    page = dietitian.get("/app/staff/survey")
    assert "Staff survey" in page.text and "My workload is manageable." in page.text
    assert "kitchen staff" not in page.text  # a dietitian answers as a dietitian
    assert web(world.person("els", "cofinancer", organisation="Zorgfonds")).get("/app/staff/survey").status_code == 403


def test_the_page_asks_the_questions_in_force_in_the_users_language(web, world, http):
    with clock_set_to(moment("2027-01-15")):
        admin = world.person("adam", "admin")
        assert http.post(PATH, headers=admin.headers, json={"questions": REVISED}).status_code == 201
    with clock_set_to(moment("2027-04-15")):  # version 2 is asked from 2027Q1 on
        kitchen = world.person("kim", "logistics")
        for lang, text in ((None, "Ik kan mijn pauzes nemen."), ("en-GB", "I can take my breaks.")):
            page = web(kitchen, lang=lang).get("/app/staff/survey")
            assert page.status_code == 200 and text in page.text and "Mijn werk is zinvol." not in page.text
