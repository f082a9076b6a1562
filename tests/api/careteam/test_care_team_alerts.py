"""Care-team alerts: each alert rule says who is told; a client's GP, home nurse, facility
and caregivers are told only with the client's consent, each sees the alerts they were
told of in their own view and inbox, and an acknowledgement by anyone is visible to all."""
from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from nutriplat.clock import BRUSSELS, business_today
from tests.builders.notifications import fake_channel
from tests.setup_calls import setup


def ago(days: int) -> str:
    return datetime.combine(business_today() - timedelta(days=days), time(0, 0), tzinfo=BRUSSELS).isoformat()


@pytest.fixture
def practice(world, http, maria):
    """Dora (dietitian), Maria (her client), Dr Mandel of a GP practice and Dr Other of another."""
    dora = world.person("dora", "dietitian")
    client = setup(http.post("/api/v1/clients", json=maria | {"status": "active"}, headers=dora.headers))
    mandel = world.person("dr.mandel", "referrer", "Huisartsenpraktijk De Mandel")
    other = world.person("dr.other", "referrer", "Huisartsenpraktijk Elders")
    return dora, client["id"], mandel, other


def add_member(http, dora, client_id, person, kind):
    return setup(http.post(f"/api/v1/clients/{client_id}/care-team", headers=dora.headers,
                           json={"user_id": person.id, "kind": kind, "consent": True}))


def lose_weight(http, dora, client_id, start_days_ago=20):
    for kg, days in ((70.0, start_days_ago), (65.5, 0)):  # 6.4 % within a month
        response = http.post(f"/api/v1/clients/{client_id}/measurements", headers=dora.headers,
                             json={"type": "weight_kg", "value": kg, "measured_at": ago(days)})
        assert response.status_code == 201, response.json


def care_alerts(http, person):
    response = http.get("/api/v1/care-team/alerts", headers=person.headers)
    assert response.status_code == 200, response.json
    return response.json


def inbox(http, person):
    response = http.get("/api/v1/notifications", headers=person.headers)
    assert response.status_code == 200, response.json
    return response.json


def resolve_all(http, dora):
    for alert in http.get("/api/v1/alerts", headers=dora.headers).json:
        setup(http.post(f"/api/v1/alerts/{alert['id']}/resolve", headers=dora.headers, json={}))


def test_a_gp_in_the_clients_care_team_sees_the_clients_alert_and_a_gp_not_in_it_does_not(practice, http):
    dora, client_id, mandel, other = practice
    add_member(http, dora, client_id, mandel, "gp")
    with fake_channel() as channel:
        lose_weight(http, dora, client_id)
    [seen] = care_alerts(http, mandel)
    assert seen["rule"] == "weight_loss" and seen["client_name"] == "Maria Vandenberghe"
    assert sorted((t["told_as"], t["name"]) for t in seen["told"]) == [("dietitian", "dora"), ("gp", "dr.mandel")]
    assert [n["kind"] for n in inbox(http, mandel)] == ["care_alert"]
    assert sorted(channel.addresses()) == ["dora@example.test", "dr.mandel@example.test"]
    assert care_alerts(http, other) == [] and inbox(http, other) == []
    refused = http.post(f"/api/v1/care-team/alerts/{seen['id']}/acknowledge", headers=other.headers)
    assert refused.status_code == 404


def test_a_withdrawn_consent_removes_the_gp_from_future_alerts(practice, http):
    dora, client_id, mandel, _ = practice
    member = add_member(http, dora, client_id, mandel, "gp")
    lose_weight(http, dora, client_id, start_days_ago=25)
    assert len(care_alerts(http, mandel)) == 1
    withdrawn = setup(http.post(f"/api/v1/clients/{client_id}/care-team/{member['id']}/withdraw-consent",
                                headers=dora.headers))
    assert withdrawn["consented"] is False
    resolve_all(http, dora)
    lose_weight(http, dora, client_id, start_days_ago=10)  # a new loss, after the resolution
    staff_view = care_alerts(http, dora)
    assert len(staff_view) == 2
    assert [t["told_as"] for t in staff_view[0]["told"]] == ["dietitian"]  # the newest: the GP no longer told
    assert len(care_alerts(http, mandel)) == 1  # what they were told before stays theirs
    assert len(inbox(http, mandel)) == 1


def test_an_acknowledgement_by_anyone_told_is_visible_to_all(practice, http, world):
    dora, client_id, mandel, _ = practice
    nurse = world.person("nurse.an", "referrer", "Thuisverpleging Roeselare")
    add_member(http, dora, client_id, mandel, "gp")
    add_member(http, dora, client_id, nurse, "home_nurse")
    setup(http.put("/api/v1/alert-routes/weight_loss", headers=world.person("ada", "admin").headers,
                   json={"recipients": ["dietitian", "gp", "home_nurse"]}))
    lose_weight(http, dora, client_id)
    [for_nurse] = care_alerts(http, nurse)
    acknowledged = setup(http.post(f"/api/v1/care-team/alerts/{for_nurse['id']}/acknowledge",
                                   headers=nurse.headers))
    assert acknowledged["acknowledged_by_name"] == "nurse.an"
    for person in (mandel, dora):
        [seen] = care_alerts(http, person)
        assert seen["acknowledged_by_name"] == "nurse.an" and seen["acknowledged_at"] is not None
    assert inbox(http, mandel)[0]["acknowledged_by_name"] == "nurse.an"


def test_the_dietitians_acknowledgement_of_the_alert_is_visible_to_the_care_team(practice, http):
    dora, client_id, mandel, _ = practice
    add_member(http, dora, client_id, mandel, "gp")
    lose_weight(http, dora, client_id)
    [alert] = http.get("/api/v1/alerts", headers=dora.headers).json
    setup(http.post(f"/api/v1/alerts/{alert['id']}/acknowledge", headers=dora.headers, json={}))
    [seen] = care_alerts(http, mandel)
    assert seen["acknowledged_by_name"] == "dora" and seen["status"] == "acknowledged"


def test_each_rule_says_who_is_told_and_logistics_is_told_nothing_clinical(practice, http, world):
    admin = world.person("ada", "admin")
    routes = {r["rule"]: r["recipients"] for r in setup(http.get("/api/v1/alert-routes", headers=admin.headers))}
    assert routes["weight_loss"] == ["dietitian", "gp"]
    assert routes["deliveries_missed"] == ["caregiver", "logistics"]
    refused = http.put("/api/v1/alert-routes/weight_loss", headers=admin.headers,
                       json={"recipients": ["gp", "logistics", "plumber"]})
    assert refused.status_code == 422
    assert set(refused.json["errors"]) == {"recipients"}
    assert http.put("/api/v1/alert-routes/no_such_rule", headers=admin.headers,
                    json={"recipients": ["gp"]}).status_code == 422


def test_a_member_needs_the_clients_consent_and_the_role_of_their_kind(practice, http, world):
    dora, client_id, mandel, _ = practice
    url = f"/api/v1/clients/{client_id}/care-team"
    no_consent = http.post(url, headers=dora.headers, json={"user_id": mandel.id, "kind": "gp", "consent": False})
    assert no_consent.status_code == 422 and set(no_consent.json["errors"]) == {"consent"}
    wrong_kind = http.post(url, headers=dora.headers, json={"user_id": mandel.id, "kind": "caregiver",
                                                            "consent": True})
    assert wrong_kind.status_code == 422 and set(wrong_kind.json["errors"]) == {"kind"}
    add_member(http, dora, client_id, mandel, "gp")
    again = http.post(url, headers=dora.headers, json={"user_id": mandel.id, "kind": "gp", "consent": True})
    assert again.status_code == 409
    other_provider = world.person("olga", "dietitian", "Provider B")
    assert http.get(url, headers=other_provider.headers).status_code == 404
