"""Issue 18 item 3, the coaching tool: the dietitian records sessions (planned or held,
SOAP notes, the actions agreed with an owner and a due date); the caregiver sees the
actions as the client's action plan and ticks them off, never the notes."""
from __future__ import annotations

import pytest

from tests.api.test_bad_input import assert_error
from tests.setup_calls import setup

# The sessions are held at 09:00 and 10:00 today: the tests run at noon, not at the wall clock's time of day.
pytestmark = pytest.mark.business_day("2026-12-07T12:00")


@pytest.fixture
def anna(http, world, lien, measured_client):
    anna = world.person("anna", "caregiver", organisation=None)
    setup(http.post(f"/api/v1/clients/{measured_client}/mandates", headers=lien.headers,
                    json={"caregiver_id": anna.id, "scopes": ["view", "record"]}))
    return anna


def held_session(today, **extra):
    return {"held_at": f"{today.isoformat()}T10:00:00+01:00", "mode": "home_visit",
            "subjective": "Eet trager, hoest bij dunne soep.", "objective": "61.6 kg, -12 % in 6 months",
            "assessment": "Swallowing worse; intake below target.", "plan": "IDDSI 4 for soup, protein at dinner",
            "actions": [{"text": "Weigh every Monday", "owner": "caregiver", "due_on": today.isoformat()},
                        {"text": "Levodopa 30 min before breakfast", "owner": "client",
                         "due_on": today.isoformat()}]} | extra


def test_a_session_held_is_recorded_with_its_notes_and_actions(http, lien, measured_client, today):
    created = http.post(f"/api/v1/clients/{measured_client}/coaching-sessions", headers=lien.headers,
                        json=held_session(today))
    assert created.status_code == 201, created.json
    body = created.json
    assert (body["status"], body["mode"], body["assessment"]) == (
        "held", "home_visit", "Swallowing worse; intake below target.")
    assert [(a["text"], a["owner"], a["done_at"]) for a in body["actions"]] == [
        ("Weigh every Monday", "caregiver", None), ("Levodopa 30 min before breakfast", "client", None)]
    [listed] = setup(http.get(f"/api/v1/clients/{measured_client}/coaching-sessions", headers=lien.headers))
    assert listed["id"] == body["id"]


def test_a_planned_session_is_held_later(http, lien, measured_client, today, tomorrow):
    planned = setup(http.post(f"/api/v1/clients/{measured_client}/coaching-sessions", headers=lien.headers,
                              json={"mode": "phone", "planned_for": f"{tomorrow.isoformat()}T14:00:00+01:00"}))
    assert planned["status"] == "planned" and planned["held_at"] is None
    held = http.post(f"/api/v1/clients/{measured_client}/coaching-sessions/{planned['id']}/held",
                     headers=lien.headers, json={"held_at": f"{today.isoformat()}T09:00:00+01:00",
                                                 "plan": "Keep going", "actions": []})
    assert held.status_code == 200 and held.json["status"] == "held" and held.json["plan"] == "Keep going"
    again = http.post(f"/api/v1/clients/{measured_client}/coaching-sessions/{planned['id']}/held",
                      headers=lien.headers, json={"held_at": f"{today.isoformat()}T09:00:00+01:00"})
    assert_error(again, 409, "held_at")


def test_bad_sessions_name_their_fields_and_write_nothing(http, lien, measured_client, today):
    url = f"/api/v1/clients/{measured_client}/coaching-sessions"
    assert_error(http.post(url, headers=lien.headers, json={"mode": "phone"}), 422, "held_at")
    assert_error(http.post(url, headers=lien.headers, json=held_session(today, mode="carrier_pigeon")), 422, "mode")
    late = held_session(today, actions=[{"text": "x", "owner": "client", "due_on": "2020-01-01"}])
    assert_error(http.post(url, headers=lien.headers, json=late), 422, "actions.0.due_on")
    assert_error(http.post(url, headers=lien.headers, json=held_session(today, held_at="2099-01-01T10:00:00+01:00")),
                 422, "held_at")
    assert_error(http.post(url, headers=lien.headers,
                           json=held_session(today, actions=[{"text": "x", "owner": "neighbour",
                                                              "due_on": today.isoformat()}])), 422, "actions")
    assert setup(http.get(url, headers=lien.headers)) == []


def test_the_caregiver_ticks_off_the_action_plan_but_does_not_read_the_notes(
        http, lien, anna, measured_client, today):
    setup(http.post(f"/api/v1/clients/{measured_client}/coaching-sessions", headers=lien.headers,
                    json=held_session(today)))
    plan_url = f"/api/v1/clients/{measured_client}/action-plan"
    first, second = setup(http.get(plan_url, headers=anna.headers))
    done = http.post(f"{plan_url}/{first['id']}/done", headers=anna.headers)
    assert done.status_code == 200 and done.json["done_by"] == anna.id
    assert [a["id"] for a in setup(http.get(plan_url, headers=anna.headers))] == [second["id"], first["id"]]
    assert http.get(f"/api/v1/clients/{measured_client}/coaching-sessions",
                    headers=anna.headers).status_code == 403
    assert http.post(f"{plan_url}/999999/done", headers=anna.headers).status_code == 404


def test_another_organisation_sees_no_session(http, world, lien, measured_client, today):
    other = world.person("olga", "dietitian", organisation="Provider B")
    response = http.post(f"/api/v1/clients/{measured_client}/coaching-sessions", headers=other.headers,
                         json=held_session(today))
    assert_error(response, 404)
