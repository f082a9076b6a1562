"""A client discharged from hospital: the transfer home raises a ``recent_discharge``
signal at once, the client's case carries it (ranked above what it held before) until the
window — 14 days, or the client's own — is over, and every step is in the audit log."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from nutriplat.auth.models import AuditEntry
from nutriplat.clock import clock_set_to
from nutriplat.db import UnitOfWork
from nutriplat.jobs.registry import JOBS
from nutriplat.monitoring.rules.merge import CLEAR_AFTER_DAYS
from tests.api.test_monitoring_cases import cases, eat
from tests.business_day import moment
from tests.conftest import TEST_PASSWORD
from tests.setup_calls import setup


@pytest.fixture
def team(world, http, maria):
    dora = world.person("dora", "dietitian")
    client = setup(http.post("/api/v1/clients", json=maria | {"status": "active"}, headers=dora.headers))
    return dora, client["id"]


@contextmanager
def on_day(http, who, day) -> Iterator:
    """``who`` when today is ``day`` (logged in again: tokens expire)."""
    with clock_set_to(moment(day.isoformat())):
        token = http.post("/api/v1/auth/token", json={"username": who.username, "password": TEST_PASSWORD})
        yield replace(who, token=token.json["access_token"])


def move(http, who, client_id, to_setting, day):
    """The transfer recorded on its own day."""
    with on_day(http, who, day) as then:
        setup(http.post(f"/api/v1/clients/{client_id}/care-setting-transfers", headers=then.headers,
                        json={"to_setting": to_setting, "transferred_on": day.isoformat(),
                              "reason": "admission" if to_setting == "hospital" else "discharge"}))


def open_cases(http, who, day):
    with on_day(http, who, day) as then:
        return cases(http, then, status="open")


def nightly(http, day):
    factory = http.application.extensions["nutriplat"].session_factory
    return JOBS["early-warning"].run(lambda: UnitOfWork(factory), day)


def test_the_discharge_home_raises_the_signal_and_the_rank_of_the_case(team, http, today):
    dora, client_id = team
    eat(http, dora, client_id, today, 90, 900)  # fluid below target: 16 points
    move(http, dora, client_id, "hospital", today)
    assert [c["risk_score"] for c in cases(http, dora)] == [16]  # in hospital: no discharge yet
    move(http, dora, client_id, "home", today + timedelta(days=7))
    [case] = open_cases(http, dora, today + timedelta(days=7))
    assert [(s["rule"], s["kind"], s["points"]) for s in case["signals"]] == [
        ("recent_discharge", "recent_discharge", 24), ("fluid_below_target", "fluid", 16)]
    assert case["risk_score"] == 40 and case["severity"] == "medium" and case["suggested_action"] == "visit"
    assert case["reason"].startswith("Discharged from hospital to home on") and "after 7 days" in case["reason"]


def test_the_signal_clears_when_the_window_is_over_and_a_readmission_ends_it(team, http, today):
    dora, client_id = team
    discharged = today + timedelta(days=5)
    move(http, dora, client_id, "hospital", today)
    move(http, dora, client_id, "home", discharged)
    assert len(open_cases(http, dora, discharged)) == 1
    assert nightly(http, discharged + timedelta(days=14)) == {"alerts updated": 1}  # the window's last day
    assert nightly(http, discharged + timedelta(days=14 + CLEAR_AFTER_DAYS)) == {"alerts cleared": 1}
    assert open_cases(http, dora, discharged + timedelta(days=18)) == []
    move(http, dora, client_id, "hospital", today + timedelta(days=30))
    move(http, dora, client_id, "home", today + timedelta(days=35))
    assert len(open_cases(http, dora, today + timedelta(days=35))) == 1  # a new discharge is new evidence
    move(http, dora, client_id, "hospital", today + timedelta(days=36))  # readmitted
    assert nightly(http, today + timedelta(days=35 + CLEAR_AFTER_DAYS)) == {"alerts cleared": 1}
    assert open_cases(http, dora, today + timedelta(days=40)) == []


def test_a_dietitian_sets_a_longer_window_for_one_client(team, http, today):
    dora, client_id = team
    url = f"/api/v1/clients/{client_id}/alert-thresholds/discharge_window_days"
    response = http.put(url, headers=dora.headers, json={"value": 28, "reason": "lived alone before the admission"})
    assert response.status_code == 200, response.json
    too_long = http.put(url, headers=dora.headers, json={"value": 90, "reason": "x"})
    assert too_long.status_code == 422 and "value" in too_long.json["errors"]
    move(http, dora, client_id, "hospital", today)
    move(http, dora, client_id, "home", today + timedelta(days=1))
    assert nightly(http, today + timedelta(days=1 + 20)) == {"alerts updated": 1}  # beyond 14, within her 28
    assert nightly(http, today + timedelta(days=1 + 28)) == {"alerts updated": 1}
    assert nightly(http, today + timedelta(days=1 + 28 + CLEAR_AFTER_DAYS)) == {"alerts cleared": 1}


def test_the_alert_and_the_case_it_opens_are_audited(team, http, uow, today):
    dora, client_id = team
    move(http, dora, client_id, "hospital", today)
    move(http, dora, client_id, "home", today + timedelta(days=3))
    [case] = open_cases(http, dora, today + timedelta(days=3))
    with uow:
        lines = uow.session.execute(select(AuditEntry.username, AuditEntry.resource, AuditEntry.resource_id,
                                           AuditEntry.detail).where(
            AuditEntry.client_id == client_id, AuditEntry.resource.in_(("alert", "case")),
            AuditEntry.action == "create").order_by(AuditEntry.id)).all()
    assert [(who, resource, (detail or {}).get("rule")) for who, resource, _, detail in lines] == [
        ("system", "alert", "recent_discharge"), ("system", "case", None)]
    assert lines[1].resource_id == str(case["id"])
