"""Early warning end to end: events raise alerts in their own transaction, duplicates
merge, the care team acknowledges and resolves, and the nightly sweep finds the rest."""
from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from nutriplat.auth.actor import Actor
from nutriplat.clock import BRUSSELS, business_today
from nutriplat.db import UnitOfWork
from nutriplat.delivery.fulfil import confirm_delivery
from nutriplat.delivery.models import DeliveryOrder
from nutriplat.inventory.models import Location
from nutriplat.jobs.registry import JOBS
from tests.setup_calls import setup


def ago(days: int, clock: str = "00:00") -> str:  # midnight: "today" is never in the future
    """``days`` before the test's today (the business_day fixture has set the clock)."""
    return datetime.combine(business_today() - timedelta(days=days), time.fromisoformat(clock),
                            tzinfo=BRUSSELS).isoformat()


@pytest.fixture
def team(world, http, maria):
    dora = world.person("dora", "dietitian")
    client = setup(http.post("/api/v1/clients", json=maria | {"status": "active"}, headers=dora.headers))
    return dora, client["id"]


def weigh(http, who, client_id, kg, days_ago):
    response = http.post(f"/api/v1/clients/{client_id}/measurements", headers=who.headers,
                         json={"type": "weight_kg", "value": kg, "measured_at": ago(days_ago)})
    assert response.status_code == 201, response.json


def alerts(http, who, **query):
    response = http.get("/api/v1/alerts", headers=who.headers, query_string=query)
    assert response.status_code == 200, response.json
    return response.json


def test_a_weight_loss_raises_an_alert_for_the_clients_dietitian(team, http):
    dora, client_id = team
    weigh(http, dora, client_id, 70.0, 20)
    assert alerts(http, dora) == []
    weigh(http, dora, client_id, 66.0, 0)  # 5.7 % in 20 days
    [alert] = alerts(http, dora)
    assert alert["rule"] == "weight_loss" and alert["severity"] == "high" and alert["status"] == "open"
    assert alert["client_id"] == client_id and alert["dietitian_id"] == dora.id
    assert "5.7 % within 1 month" in alert["cause"] and alert["occurrences"] == 1


def test_a_new_finding_of_the_same_rule_merges_into_the_open_alert(team, http):
    dora, client_id = team
    weigh(http, dora, client_id, 70.0, 20)
    weigh(http, dora, client_id, 66.0, 1)
    weigh(http, dora, client_id, 65.0, 0)
    [alert] = alerts(http, dora)
    assert alert["occurrences"] == 2 and "7.1 %" in alert["cause"]


def test_acknowledge_resolve_and_only_new_evidence_warns_again(team, http, today):
    dora, client_id = team
    weigh(http, dora, client_id, 70.0, 20)
    weigh(http, dora, client_id, 66.0, 1)
    [alert] = alerts(http, dora)
    acknowledged = http.post(f"/api/v1/alerts/{alert['id']}/acknowledge", headers=dora.headers,
                             json={"note": "calling the GP"})
    assert acknowledged.status_code == 200 and acknowledged.json["status"] == "acknowledged"
    assert http.post(f"/api/v1/alerts/{alert['id']}/acknowledge", headers=dora.headers, json={}).status_code == 409
    resolved = http.post(f"/api/v1/alerts/{alert['id']}/resolve", headers=dora.headers, json={"note": "plan raised"})
    assert resolved.json["status"] == "resolved" and resolved.json["note"] == "plan raised"
    assert alerts(http, dora) == [] and len(alerts(http, dora, status="resolved")) == 1
    JOBS["early-warning"].run(lambda: UnitOfWork(http.application.extensions["nutriplat"].session_factory), today)
    assert alerts(http, dora) == []  # the sweep sees the same, resolved, evidence
    weigh(http, dora, client_id, 65.0, 0)  # weighed again, still falling: new evidence
    [again] = alerts(http, dora)
    assert again["id"] != alert["id"] and again["status"] == "open"


def test_intake_below_half_on_three_days_and_fluid_below_target(team, http, today):
    dora, client_id = team
    for days_ago in (2, 1, 0):
        response = http.post(f"/api/v1/clients/{client_id}/intake", headers=dora.headers, json={
            "date": (today - timedelta(days=days_ago)).isoformat(), "meal_slot": "lunch", "percent_eaten": 40,
            "fluid_ml": 900})
        assert response.status_code == 201
    rules = {a["rule"]: a for a in alerts(http, dora)}
    assert set(rules) == {"intake_below_50_3_days", "fluid_below_target"}
    assert rules["fluid_below_target"]["detail"]["target_ml"] == 1600  # Maria: the default for women


def test_a_rising_screening_risk_warns(team, http):
    dora, client_id = team
    for days_ago, loss in ((40, 2.0), (0, 12.0)):
        response = http.post(f"/api/v1/clients/{client_id}/screenings", headers=dora.headers, json={
            "instrument": "must", "performed_at": ago(days_ago), "answers": {
                "bmi": 21.0, "weight_loss_percent": loss, "acute_disease_no_intake_5_days": False}})
        assert response.status_code == 201, response.json
    [alert] = alerts(http, dora)
    assert alert["rule"] == "risk_increased" and alert["severity"] == "high"
    assert alert["detail"]["from"] == "low" and alert["detail"]["to"] == "high"


def test_two_missed_deliveries_in_a_row(team, http, world, today):
    dora, client_id = team
    lou = world.person("lou", "logistics")
    factory = http.application.extensions["nutriplat"].session_factory
    with UnitOfWork(factory) as uow:
        warehouse = Location(organisation_id=lou.organisation_id, kind="warehouse", name="Central")
        uow.session.add(warehouse)
        uow.session.flush()
        orders = [DeliveryOrder(organisation_id=lou.organisation_id, client_id=client_id, origin="manual",
                                delivery_date=today - timedelta(days=n), warehouse_id=warehouse.id) for n in (7, 0)]
        uow.session.add_all(orders)
        uow.commit()
    driver = Actor(lou.id, lou.username, lou.role, lou.organisation_id)
    confirm_delivery(UnitOfWork(factory), driver, orders[0].id, "not_home")
    assert alerts(http, dora) == []
    confirm_delivery(UnitOfWork(factory), driver, orders[1].id, "refused")
    [alert] = alerts(http, dora)
    assert alert["rule"] == "deliveries_missed" and alert["severity"] == "medium"


def test_the_nightly_sweep_finds_intake_not_recorded_and_changes_nothing_twice(team, http, world, today):
    dora, client_id = team
    carl = world.person("carl", "caregiver", organisation=None)
    mandate = http.post(f"/api/v1/clients/{client_id}/mandates", headers=dora.headers,
                        json={"caregiver_id": carl.id, "scopes": ["view", "record"]})
    assert mandate.status_code == 201
    run = JOBS["early-warning"]
    factory = http.application.extensions["nutriplat"].session_factory
    assert run.run(lambda: UnitOfWork(factory), today) == {}  # the mandate is younger than 3 days
    later = today + timedelta(days=3)
    assert run.run(lambda: UnitOfWork(factory), later) == {"alerts created": 1}
    assert run.run(lambda: UnitOfWork(factory), later) == {}
    [alert] = alerts(http, dora)
    assert alert["rule"] == "no_intake_recorded"


def test_dietitians_see_the_alerts_of_their_organisations_clients_only(team, http, world):
    dora, client_id = team
    weigh(http, dora, client_id, 70.0, 20)
    weigh(http, dora, client_id, 60.0, 0)
    other = world.person("otto", "dietitian", organisation="Provider B")
    colleague = world.person("cleo", "dietitian")
    admin = world.person("ada", "admin")
    assert alerts(http, other) == [] and len(alerts(http, colleague)) == 1 and len(alerts(http, admin)) == 1
    assert alerts(http, colleague, mine="true") == []  # Dora weighed the client: Dora's client
    [alert] = alerts(http, dora, mine="true")
    assert http.get(f"/api/v1/alerts/{alert['id']}", headers=other.headers).status_code == 404
    assert http.post(f"/api/v1/alerts/{alert['id']}/resolve", headers=other.headers, json={}).status_code == 404
    assert alerts(http, dora, severity="low") == [] and len(alerts(http, dora, rule="weight_loss")) == 1
    bad = http.get("/api/v1/alerts", headers=dora.headers, query_string={"status": "closed"})
    assert bad.status_code == 422 and "status" in bad.json["errors"]
