"""Early-warning cases, end to end: a client's signals gather into one case ranked by
risk, whose severity follows its signals; the dietitian snoozes it until a date and
resolves it with an outcome; nobody reaches another organisation's case."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from nutriplat.auth.models import AuditEntry
from nutriplat.clock import clock_set_to
from nutriplat.db import UnitOfWork
from nutriplat.jobs.registry import JOBS
from nutriplat.monitoring.rules.merge import CLEAR_AFTER_DAYS
from tests.api.test_monitoring_alerts import weigh
from tests.business_day import moment
from tests.conftest import TEST_PASSWORD
from tests.setup_calls import setup


@pytest.fixture
def team(world, http, maria):
    dora = world.person("dora", "dietitian")
    client = setup(http.post("/api/v1/clients", json=maria | {"status": "active"}, headers=dora.headers))
    return dora, client["id"]


def cases(http, who, **query):
    response = http.get("/api/v1/cases", headers=who.headers, query_string=query)
    assert response.status_code == 200, response.json
    return response.json


def eat(http, who, client_id, today, percent, fluid_ml, days=(2, 1, 0)):
    for days_ago in days:
        response = http.post(f"/api/v1/clients/{client_id}/intake", headers=who.headers, json={
            "date": (today - timedelta(days=days_ago)).isoformat(), "meal_slot": "lunch",
            "percent_eaten": percent, "fluid_ml": fluid_ml})
        assert response.status_code == 201, response.json


def falling(http, dora, client_id):
    weigh(http, dora, client_id, 70.0, 20)
    weigh(http, dora, client_id, 66.0, 0)  # 5.7 % in 20 days: weight_loss, high


def test_two_signals_of_one_client_make_one_case_with_both_contributions(team, http, today):
    dora, client_id = team
    falling(http, dora, client_id)
    eat(http, dora, client_id, today, 90, 900)  # fluid below the target on three days
    [case] = cases(http, dora, status="open")
    assert case["client_id"] == client_id and case["status"] == "open"
    assert [s["rule"] for s in case["signals"]] == ["weight_loss", "fluid_below_target"]  # strongest first
    assert [s["kind"] for s in case["signals"]] == ["weight_trend", "fluid"]
    assert case["risk_score"] == sum(s["points"] for s in case["signals"]) == 45 + 16
    assert case["severity"] == "high" and case["suggested_action"] == "visit"
    assert case["reason"].startswith("Weight fell 5.7 %") and case["reason"].endswith("(+1 more signal)")
    assert len(http.get("/api/v1/alerts", headers=dora.headers).json) == 2  # the alerts stay


def test_cases_are_ranked_by_risk(team, http, world, maria, today):
    dora, client_id = team
    other = setup(http.post("/api/v1/clients", json=maria | {"status": "active", "given_name": "Mia"},
                            headers=dora.headers))["id"]
    eat(http, dora, other, today, 90, 900)  # fluid only: 16
    falling(http, dora, client_id)  # weight: 45
    assert [c["client_id"] for c in cases(http, dora)] == [client_id, other]
    assert [c["risk_score"] for c in cases(http, dora)] == [45, 16]


def test_the_severity_rises_and_falls_with_its_signals_and_the_history_says_why(team, http, today):
    dora, client_id = team
    eat(http, dora, client_id, today, 90, 900)
    [case] = cases(http, dora)
    assert (case["severity"], case["risk_score"]) == ("low", 16)
    falling(http, dora, client_id)
    [case] = cases(http, dora)
    assert (case["severity"], case["risk_score"]) == ("high", 61)
    weight_alert = next(s["alert_id"] for s in case["signals"] if s["rule"] == "weight_loss")
    assert http.post(f"/api/v1/alerts/{weight_alert}/resolve", headers=dora.headers, json={}).status_code == 200
    [case] = cases(http, dora)
    assert (case["severity"], case["risk_score"]) == ("low", 16)
    detail = http.get(f"/api/v1/cases/{case['id']}", headers=dora.headers).json
    assert [(h["change"], h["severity"]) for h in detail["history"]] == [
        ("opened", "low"), ("rescored", "high"), ("rescored", "low")]
    assert "+weight_loss" in detail["history"][1]["why"] and "low → high" in detail["history"][1]["why"]
    assert "-weight_loss" in detail["history"][2]["why"]


def test_the_case_closes_when_its_last_signal_is_resolved(team, http):
    dora, client_id = team
    falling(http, dora, client_id)
    [case] = cases(http, dora)
    [alert] = http.get("/api/v1/alerts", headers=dora.headers).json
    http.post(f"/api/v1/alerts/{alert['id']}/resolve", headers=dora.headers, json={})
    assert cases(http, dora) == []
    [closed] = cases(http, dora, status="resolved")
    assert closed["id"] == case["id"] and closed["outcome"] is None


def test_the_opening_and_every_change_of_a_case_is_in_the_audit_log(team, http, uow, today):
    dora, client_id = team
    eat(http, dora, client_id, today, 90, 900)
    falling(http, dora, client_id)
    [case] = cases(http, dora)
    http.post(f"/api/v1/cases/{case['id']}/resolve", headers=dora.headers, json={"outcome": "action_taken"})
    with uow:
        lines = uow.session.execute(select(AuditEntry.username, AuditEntry.action, AuditEntry.detail).where(
            AuditEntry.resource == "case", AuditEntry.resource_id == str(case["id"]),
            AuditEntry.action.not_in(("read", "list"))).order_by(AuditEntry.id)).all()
    assert [(who, action) for who, action, _ in lines] == [
        ("system", "create"), ("system", "update"), ("dora", "resolve")]
    assert lines[0].detail["change"] == "opened" and lines[1].detail["why"].startswith("+weight_loss")


def test_snooze_hides_the_case_until_the_date(team, http, today):
    dora, client_id = team
    falling(http, dora, client_id)
    [case] = cases(http, dora)
    until = today + timedelta(days=3)
    response = http.post(f"/api/v1/cases/{case['id']}/snooze", headers=dora.headers,
                         json={"until": until.isoformat(), "reason": "daughter visits tomorrow"})
    assert response.status_code == 200, response.json
    assert response.json["status"] == "snoozed" and response.json["snooze_reason"] == "daughter visits tomorrow"
    assert response.json["history"][-1]["change"] == "snoozed"
    assert cases(http, dora) == [] and len(cases(http, dora, status="snoozed")) == 1


def listed_on(http, who, day):
    """The open cases ``who`` sees when today is ``day`` (logged in again: tokens expire)."""
    with clock_set_to(moment(day.isoformat())):
        token = http.post("/api/v1/auth/token", json={"username": who.username, "password": TEST_PASSWORD})
        return [c["id"] for c in cases(http, replace(who, token=token.json["access_token"]))]


@pytest.mark.business_day("2026-12-10")
def test_a_snoozed_case_is_back_on_its_date(team, http, business_day):
    dora, client_id = team
    falling(http, dora, client_id)
    [case] = cases(http, dora)
    until = business_day + timedelta(days=2)
    http.post(f"/api/v1/cases/{case['id']}/snooze", headers=dora.headers,
              json={"until": until.isoformat(), "reason": "on holiday"})
    assert listed_on(http, dora, until - timedelta(days=1)) == []
    assert listed_on(http, dora, until) == [case["id"]]


def test_snooze_needs_a_later_day_and_a_reason(team, http, today):
    dora, client_id = team
    falling(http, dora, client_id)
    [case] = cases(http, dora)
    url = f"/api/v1/cases/{case['id']}/snooze"
    assert http.post(url, headers=dora.headers, json={"until": today.isoformat(), "reason": "x"}).status_code == 422
    assert http.post(url, headers=dora.headers, json={"until": (today + timedelta(days=1)).isoformat()}
                     ).status_code == 422


def test_resolve_records_the_outcome_and_closes_the_alerts(team, http, today):
    dora, client_id = team
    falling(http, dora, client_id)
    [case] = cases(http, dora)
    response = http.post(f"/api/v1/cases/{case['id']}/resolve", headers=dora.headers,
                         json={"outcome": "action_taken", "note": "home visit, plan enriched"})
    assert response.status_code == 200, response.json
    body = response.json
    assert body["status"] == "resolved" and body["outcome"] == "action_taken" and body["resolved_by"] == dora.id
    assert body["outcome_note"] == "home visit, plan enriched" and body["resolved_on"] == today.isoformat()
    assert body["history"][-1]["change"] == "resolved"
    assert cases(http, dora) == [] and http.get("/api/v1/alerts", headers=dora.headers).json == []
    again = http.post(f"/api/v1/cases/{case['id']}/resolve", headers=dora.headers, json={"outcome": "false_alarm"})
    assert again.status_code == 409
    bad = http.post(f"/api/v1/cases/{case['id']}/resolve", headers=dora.headers, json={"outcome": "maybe"})
    assert bad.status_code == 422


def test_another_organisations_case_is_404(team, http, world):
    dora, client_id = team
    falling(http, dora, client_id)
    [case] = cases(http, dora)
    olga = world.person("olga", "dietitian", "Provider B")
    assert cases(http, olga) == []
    for method, url, body in (("get", f"/api/v1/cases/{case['id']}", None),
                              ("post", f"/api/v1/cases/{case['id']}/resolve", {"outcome": "false_alarm"}),
                              ("post", f"/api/v1/cases/{case['id']}/snooze",
                               {"until": "2099-01-01", "reason": "x"})):
        response = getattr(http, method)(url, headers=olga.headers, json=body)
        assert response.status_code == 404 and response.json["message"] == f"No case {case['id']}."


def test_a_snoozed_case_wakes_when_its_severity_rises(team, http, today):
    dora, client_id = team
    eat(http, dora, client_id, today, 90, 900)  # fluid: low
    [case] = cases(http, dora)
    http.post(f"/api/v1/cases/{case['id']}/snooze", headers=dora.headers,
              json={"until": (today + timedelta(days=7)).isoformat(), "reason": "drinks more in the evening"})
    assert cases(http, dora) == []
    falling(http, dora, client_id)  # weight loss: high
    [woken] = cases(http, dora)
    assert woken["id"] == case["id"] and woken["status"] == "open" and woken["severity"] == "high"
    history = http.get(f"/api/v1/cases/{case['id']}", headers=dora.headers).json["history"]
    assert [h["change"] for h in history] == ["opened", "snoozed", "woken"]


def test_a_signal_whose_condition_is_over_for_some_days_clears_and_its_case_closes(team, http, today):
    dora, client_id = team
    eat(http, dora, client_id, today, 90, 900)  # fluid below target: an alert and a case
    [case] = cases(http, dora)
    run = JOBS["early-warning"]
    factory = http.application.extensions["nutriplat"].session_factory
    last_found = today + timedelta(days=4)  # the three low days are in the rules' week until then
    assert run.run(lambda: UnitOfWork(factory), last_found) == {"alerts updated": 1}
    assert run.run(lambda: UnitOfWork(factory), last_found + timedelta(days=CLEAR_AFTER_DAYS - 1)) == {}
    assert run.run(lambda: UnitOfWork(factory), last_found + timedelta(days=CLEAR_AFTER_DAYS)) == {
        "alerts cleared": 1}
    assert http.get("/api/v1/alerts", headers=dora.headers).json == []
    [closed] = cases(http, dora, status="resolved")
    assert closed["id"] == case["id"] and closed["outcome"] is None
    history = http.get(f"/api/v1/cases/{case['id']}", headers=dora.headers).json["history"]
    assert history[-1]["change"] == "closed"
