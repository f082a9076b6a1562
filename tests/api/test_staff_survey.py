"""Item 7 of issue 21, staff wellbeing: a quarterly staff survey, answered once per quarter,
and shown to the parties of an agreement only as suppressed aggregates of a closed quarter."""
from __future__ import annotations

import pytest

from nutriplat.clock import clock_set_to
from nutriplat.indicators.staff_survey import QUESTIONS
from tests.api.indicators_pilot import agreement, parties, pilot
from tests.business_day import moment

__all__ = ["agreement", "parties", "pilot"]  # fixtures

pytestmark = pytest.mark.business_day("2026-12-07")


def answers(score: int) -> dict[str, int]:
    return dict.fromkeys(QUESTIONS, score)


def answer(http, who, group, given):
    return http.post("/api/v1/staff-survey", headers=who.headers, json={"staff_group": group, "answers": given})


def test_a_response_is_checked_whole_and_given_once_a_quarter(http, world, parties):
    driver = world.person("dirk", "logistics")
    bad = answer(http, driver, "dietitian", {**answers(3), QUESTIONS[0]: 6, "mood": 2} | {QUESTIONS[1]: "ok"})
    assert bad.status_code == 422
    assert set(bad.json["errors"]) == {"staff_group", f"answers.{QUESTIONS[0]}", f"answers.{QUESTIONS[1]}",
                                       "answers.mood"}
    partial = dict.fromkeys(QUESTIONS[1:], 4)
    assert set(answer(http, driver, "driver", partial).json["errors"]) == {f"answers.{QUESTIONS[0]}"}
    given = answer(http, driver, "driver", answers(4))
    assert given.status_code == 201 and given.json["period"] == "2026Q4"
    assert answer(http, driver, "driver", answers(5)).status_code == 409
    assert answer(http, parties[1], "driver", answers(5)).status_code == 403  # a cofinancer is not staff


def test_the_parties_see_a_closed_quarter_with_small_groups_suppressed(http, world, parties, agreement):
    admin, funder, other = parties
    with clock_set_to(moment("2026-09-15")):
        for n in range(6):
            assert answer(http, world.person(f"diet{n}", "dietitian"), "dietitian", answers(4)).status_code == 201
        for n in range(3):
            assert answer(http, world.person(f"driver{n}", "logistics"), "driver", answers(2)).status_code == 201
    path = f"/api/v1/agreements/{agreement['id']}/staff-wellbeing"
    seen = http.get(path, headers=funder.headers, query_string={"period": "2026Q3"})
    assert seen.status_code == 200
    rows = {row["staff_group"]: row for row in seen.json["rows"]}
    assert (rows[None]["respondents"], rows[None]["mean_score"]) == (9, "3.33")
    # three drivers are too few; the dietitians are hidden with them, or 9 − 6 would show the drivers
    assert rows["driver"] == rows["dietitian"] | {"staff_group": "driver"} == {
        "staff_group": "driver", "suppressed": True, "respondents": None, "mean_score": None}
    assert rows["kitchen"] == {"staff_group": "kitchen", "suppressed": False, "respondents": 0, "mean_score": None}
    assert http.get(path, headers=admin.headers, query_string={"period": "2026Q3"}).json == seen.json
    assert http.get(path, headers=other.headers, query_string={"period": "2026Q3"}).status_code == 404
    still_open = http.get(path, headers=funder.headers, query_string={"period": "2026Q4"})
    assert still_open.status_code == 422 and "period" in still_open.json["errors"]
