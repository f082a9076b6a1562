"""A client's own early-warning thresholds: a dietitian sets one with a reason, the rules
read it (a stable low eater is not a new signal every day; a drop below their own level
is), and going back to the default restores the default rule."""
from __future__ import annotations

from datetime import timedelta

import pytest

from tests.setup_calls import setup


@pytest.fixture
def team(world, http, maria):
    dora = world.person("dora", "dietitian")
    client = setup(http.post("/api/v1/clients", json=maria | {"status": "active"}, headers=dora.headers))
    return dora, client["id"]


def eat_week(http, who, client_id, today, percent):
    for days_ago in range(4, -1, -1):
        response = http.post(f"/api/v1/clients/{client_id}/intake", headers=who.headers, json={
            "date": (today - timedelta(days=days_ago)).isoformat(), "meal_slot": "lunch", "percent_eaten": percent})
        assert response.status_code == 201, response.json


def rules(http, who):
    return {a["rule"] for a in http.get("/api/v1/alerts", headers=who.headers).json}


def test_a_client_specific_threshold_with_a_reason_is_what_the_rule_reads(team, http, today):
    dora, client_id = team
    url = f"/api/v1/clients/{client_id}/alert-thresholds/intake_week_percent"
    response = http.put(url, headers=dora.headers,
                        json={"value": 65, "reason": "eats 70 % for months, weight stable"})
    assert response.status_code == 200, response.json
    assert response.json["value"] == 65 and response.json["reason"].startswith("eats 70 %")
    listed = http.get(f"/api/v1/clients/{client_id}/alert-thresholds", headers=dora.headers).json
    assert [(t["parameter"], t["value"], t["set_by"]) for t in listed] == [("intake_week_percent", 65, dora.id)]
    eat_week(http, dora, client_id, today, 70)  # her own level: no signal
    assert "intake_below_75_7_days" not in rules(http, dora)
    assert http.delete(url, headers=dora.headers).status_code == 204
    eat_week(http, dora, client_id, today, 70)  # the default again: 70 < 75 warns
    [alert] = [a for a in http.get("/api/v1/alerts", headers=dora.headers).json
               if a["rule"] == "intake_below_75_7_days"]
    assert "below 75 %" in alert["cause"]


def test_a_threshold_needs_a_reason_a_known_parameter_and_a_value_within_bounds(team, http, world):
    dora, client_id = team
    base = f"/api/v1/clients/{client_id}/alert-thresholds"
    assert http.put(f"{base}/intake_week_percent", headers=dora.headers, json={"value": 65}).status_code == 422
    assert http.put(f"{base}/intake_week_percent", headers=dora.headers,
                    json={"value": 5, "reason": "x"}).status_code == 422
    assert http.put(f"{base}/sleep_hours", headers=dora.headers, json={"value": 5, "reason": "x"}).status_code == 404
    olga = world.person("olga", "dietitian", "Provider B")
    assert http.put(f"{base}/intake_week_percent", headers=olga.headers,
                    json={"value": 65, "reason": "x"}).status_code == 404
