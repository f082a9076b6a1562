"""Personal goals (healthcoins through the billing ledger when met) and experience surveys."""
from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from nutriplat.clock import BRUSSELS, business_today
from nutriplat.db import UnitOfWork
from nutriplat.jobs.registry import JOBS
from tests.setup_calls import setup

ANSWERS = {"meals_enjoyed": 4, "texture_suits": 5, "own_pace": 3, "deliveries_reliable": 4, "feel_supported": 5}


@pytest.fixture
def team(world, http, maria):
    dora = world.person("dora", "dietitian")
    carl = world.person("carl", "caregiver", organisation=None)
    client = setup(http.post("/api/v1/clients", json=maria | {"status": "active"}, headers=dora.headers))
    setup(http.post(f"/api/v1/clients/{client['id']}/mandates", headers=dora.headers,
                    json={"caregiver_id": carl.id, "scopes": ["view", "record"]}))
    return dora, carl, client["id"]


def goal(http, dora, client_id, **fields):
    today = business_today()  # the test's today: the business_day fixture has set the clock
    body = {"domain": "activity", "description": "A walk outside", "metric": "sessions", "target": 3,
            "starts_on": (today - timedelta(days=6)).isoformat(), "ends_on": (today + timedelta(days=21)).isoformat(),
            "coins": 40} | fields
    return http.post(f"/api/v1/clients/{client_id}/goals", headers=dora.headers, json=body)


def coins(http, dora, client_id):
    return http.get(f"/api/v1/clients/{client_id}/healthcoins", headers=dora.headers).json["balance"]


def test_a_counted_goal_met_earns_its_healthcoins_once(team, http, today):
    dora, carl, client_id = team
    created = goal(http, dora, client_id)
    assert created.status_code == 201, created.json
    assert created.json["progress"] == {"value": 0.0, "fraction": 0.0, "met": False}
    path = f"/api/v1/clients/{client_id}/goals/{created.json['id']}/progress"
    for days_ago in (5, 3):
        response = http.post(path, headers=carl.headers,
                             json={"recorded_on": (today - timedelta(days_ago)).isoformat()})
        assert response.status_code == 201 and response.json["status"] == "active"
    assert coins(http, dora, client_id) == 0
    met = http.post(path, headers=carl.headers, json={"recorded_on": today.isoformat(), "note": "to the market"})
    assert met.json["status"] == "met" and met.json["met_on"] == today.isoformat()
    assert met.json["progress"]["met"] and len(met.json["reports"]) == 3
    assert coins(http, dora, client_id) == 40
    assert http.post(path, headers=carl.headers, json={"recorded_on": today.isoformat()}).status_code == 409
    factory = http.application.extensions["nutriplat"].session_factory
    JOBS["early-warning"].run(lambda: UnitOfWork(factory), today)
    assert coins(http, dora, client_id) == 40  # never twice


def test_a_measured_goal_is_judged_by_the_nightly_sweep(team, http, today):
    dora, _, client_id = team
    created = goal(http, dora, client_id, domain="nutrition", description="Back to 62 kg", metric="weight_kg",
                   target=62.0, coins=25).json
    stamp = datetime.combine(today, time(0), tzinfo=BRUSSELS).isoformat()  # never in the future
    setup(http.post(f"/api/v1/clients/{client_id}/measurements", headers=dora.headers,
                    json={"type": "weight_kg", "value": 62.4, "measured_at": stamp}))
    [listed] = http.get(f"/api/v1/clients/{client_id}/goals", headers=dora.headers).json
    assert listed["status"] == "active" and listed["progress"]["met"]  # shown live, judged at night
    factory = http.application.extensions["nutriplat"].session_factory
    counts = JOBS["early-warning"].run(lambda: UnitOfWork(factory), today)
    assert counts["goals met"] == 1 and counts["healthcoin awards"] == 1
    assert coins(http, dora, client_id) == 25
    assert http.get(f"/api/v1/clients/{client_id}/goals", headers=dora.headers).json[0]["status"] == "met"
    assert "goals met" not in JOBS["early-warning"].run(lambda: UnitOfWork(factory), today)
    assert created["id"] == listed["id"]


def test_a_goal_not_met_by_its_end_is_closed_and_a_goal_can_be_cancelled(team, http, today):
    dora, _, client_id = team
    short = goal(http, dora, client_id, starts_on=(today - timedelta(10)).isoformat(),
                 ends_on=(today - timedelta(1)).isoformat()).json
    other = goal(http, dora, client_id).json
    factory = http.application.extensions["nutriplat"].session_factory
    assert JOBS["early-warning"].run(lambda: UnitOfWork(factory), today)["goals not met"] == 1
    cancelled = http.post(f"/api/v1/clients/{client_id}/goals/{other['id']}/cancellation", headers=dora.headers)
    assert cancelled.json["status"] == "cancelled"
    statuses = {g["id"]: g["status"] for g in http.get(f"/api/v1/clients/{client_id}/goals", headers=dora.headers).json}
    assert statuses == {short["id"]: "not_met", other["id"]: "cancelled"}


def test_a_goal_must_be_measurable(team, http, today):
    dora, _, client_id = team
    response = goal(http, dora, client_id, domain="social_contact", metric="weight_kg", direction="at_most", target=0,
                    ends_on=(today - timedelta(days=30)).isoformat())
    assert response.status_code == 422
    assert set(response.json["errors"]) == {"metric", "target", "ends_on"}
    created = goal(http, dora, client_id, domain="nutrition", metric="mean_percent_eaten", target=75).json
    reported = http.post(f"/api/v1/clients/{client_id}/goals/{created['id']}/progress", headers=dora.headers,
                         json={"recorded_on": today.isoformat()})
    assert reported.status_code == 422 and "value" in reported.json["errors"]


def test_an_experience_survey_per_client_and_period(team, http, today):
    dora, carl, client_id = team
    path = f"/api/v1/clients/{client_id}/experience-surveys"
    quarter = f"{today.year}Q{(today.month + 2) // 3}"
    created = http.post(path, headers=carl.headers, json={"period": quarter, "answered_on": today.isoformat(),
                                                          "respondent": "caregiver", "answers": ANSWERS})
    assert created.status_code == 201, created.json
    assert created.json["mean_score"] == "4.20" and created.json["period"] == quarter
    again = http.post(path, headers=dora.headers, json={"period": quarter, "answered_on": today.isoformat(),
                                                        "answers": ANSWERS})
    assert again.status_code == 409
    bad = http.post(path, headers=dora.headers, json={"period": "2026-13", "answered_on": today.isoformat(),
                                                      "answers": ANSWERS | {"own_pace": 7}})
    assert bad.status_code == 422 and set(bad.json["errors"]) == {"period", "answers.own_pace"}
    assert [s["period"] for s in http.get(path, headers=dora.headers).json] == [quarter]
