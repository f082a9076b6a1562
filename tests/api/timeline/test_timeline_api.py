"""Issue 18 item 3: the client timeline joins screenings, weights, intake, alerts, coaching
sessions, information given, plan changes and deliveries in one time order."""
from __future__ import annotations

from tests.api.test_bad_input import assert_error
from tests.setup_calls import setup

EAT_10 = {"instrument": "eat_10", "answers": {"items": [2, 1, 1, 0, 0, 0, 0, 0, 0, 0]}}


def test_the_timeline_joins_the_areas_in_time_order(http, lien, measured_client, draft_plan, today):
    client = measured_client
    setup(http.post(f"/api/v1/clients/{client}/screenings", headers=lien.headers,
                    json=EAT_10 | {"performed_at": "2026-11-25T10:00:00+01:00"}))
    setup(http.post(f"/api/v1/clients/{client}/intake", headers=lien.headers,
                    json={"date": "2026-11-26", "meal_slot": "lunch", "percent_eaten": 50, "fluid_ml": 200}))
    setup(http.post(f"/api/v1/clients/{client}/coaching-sessions", headers=lien.headers,
                    json={"held_at": "2026-11-27T10:00:00+01:00", "mode": "video", "assessment": "Eats less"}))
    setup(http.post(f"/api/v1/meal-plans/{draft_plan['id']}/approve", headers=lien.headers, json={}))

    response = http.get(f"/api/v1/clients/{client}/timeline?from=2026-11-01&to={today.isoformat()}",
                        headers=lien.headers)
    assert response.status_code == 200
    kinds = [e["kind"] for e in response.json]
    assert {"weight", "screening", "intake", "coaching_session", "plan_change"} <= set(kinds)
    ats = [e["at"] for e in response.json]
    assert ats == sorted(ats)
    assert kinds.index("weight") < kinds.index("screening") < kinds.index("intake") < kinds.index("coaching_session")
    [weight] = [e for e in response.json if e["kind"] == "weight"]
    assert weight["summary"] == "61.6 kg" and weight["at"].startswith("2026-11-20")


def test_the_period_bounds_the_timeline(http, lien, measured_client):
    may = setup(http.get(f"/api/v1/clients/{measured_client}/timeline?from=2026-05-01&to=2026-05-31",
                         headers=lien.headers))
    assert [(e["kind"], e["summary"]) for e in may] == [("weight", "70 kg")]
    assert_error(http.get(f"/api/v1/clients/{measured_client}/timeline?from=2026-06-01&to=2026-05-01",
                          headers=lien.headers), 422, "from")
    assert_error(http.get(f"/api/v1/clients/{measured_client}/timeline?from=2024-01-01&to=2026-05-01",
                          headers=lien.headers), 422, "from")


def test_a_caregiver_and_another_organisation_do_not_read_the_timeline(http, world, lien, measured_client):
    other = world.person("olga", "dietitian", organisation="Provider B")
    assert http.get(f"/api/v1/clients/{measured_client}/timeline", headers=other.headers).status_code == 404
    anna = world.person("anna", "caregiver", organisation=None)
    assert http.get(f"/api/v1/clients/{measured_client}/timeline", headers=anna.headers).status_code == 403
