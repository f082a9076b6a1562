"""Item 4 of issue 21, the remaining gaps: the audit samples GLIM assessments, intake records
and deliveries too, and its verifier is a user of the provider with a role allowed to verify
(named by id in the audit rule: its admin or a dietitian) — never the one who recorded the
measurement."""
from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy import select

from nutriplat.clients.models import IntakeRecord
from nutriplat.delivery.models import DeliveryOrder, Depot, PlannedStop, RoutePlan
from nutriplat.screening.models import Assessment
from tests.api.indicators_pilot import AGREEMENT, accept, parties, pilot
from tools.builders import stock as scenario

__all__ = ["parties", "pilot"]  # fixtures

pytestmark = pytest.mark.business_day("2026-12-07")
AUDITED = ("glim_malnutrition_prevalence", "meals_mostly_eaten", "on_time_deliveries")


def agreement_with(http, admin, funder, verifier_id, codes=AUDITED):
    rule = {"sample_size": 30, "verified_by": verifier_id}  # every record of the small pilot
    indicators = AGREEMENT["indicators"] + [{"code": code, "audit_rule": rule} for code in codes]
    return http.post("/api/v1/agreements", headers=admin.headers,
                     json=AGREEMENT | {"cofinancer_id": funder.organisation_id, "indicators": indicators})


@pytest.fixture
def records(world, parties, pilot, uow):
    """Q3 2026 for the first six pilot clients: a GLIM assessment, two meals and a delivered
    order each, all recorded by a second admin, Bea; the first client's assessment by Ada."""
    admin = parties[0]
    bea = world.person("bea", "admin")
    with uow:
        warehouse, _ = scenario.depot(uow.session, admin.organisation_id)
        orders = []
        for n, client_id in enumerate(pilot[:6]):
            uow.session.add(Assessment(client_id=client_id, method="glim", method_version="t", answers={}, derived={},
                                       malnourished=n < 3, stage=1 if n < 3 else None, phenotypic=[], etiologic=[],
                                       assessed_at=datetime(2026, 8, 3, 9, tzinfo=UTC), assessed_on=date(2026, 8, 3),
                                       performed_by=admin.id if n == 0 else bea.id))
            uow.session.add_all(IntakeRecord(client_id=client_id, date=date(2026, 8, 4), meal_slot=slot,
                                             percent_eaten=80, recorded_by=bea.id) for slot in ("lunch", "dinner"))
            orders.append(DeliveryOrder(organisation_id=admin.organisation_id, client_id=client_id, origin="manual",
                                        delivery_date=date(2026, 8, 5), status="delivered", warehouse_id=warehouse,
                                        confirmed_at=datetime(2026, 8, 5, 11, tzinfo=UTC)))
        uow.session.add_all(orders)
        uow.session.flush()
        uow.session.add(Depot(warehouse_id=warehouse, organisation_id=admin.organisation_id, lat=50.9, lon=3.1,
                              opens_at=time(7), closes_at=time(18)))
        plan = RoutePlan(organisation_id=admin.organisation_id, depot_id=warehouse, delivery_date=date(2026, 8, 5),
                         time_limit_s=10, fleet={})
        uow.session.add(plan)
        uow.session.flush()
        uow.session.add(PlannedStop(plan_id=plan.id, order_ids=[o.id for o in orders], lat=50.9, lon=3.1,
                                    demand_litres=1, demand_kg=1, frozen_litres=0, chilled_litres=0,
                                    window_start_s=0, window_end_s=86_400, service_s=300,
                                    confirmed_at=datetime(2026, 8, 5, 11, tzinfo=UTC), confirmed_by=bea.id))
        uow.commit()
    return bea


def test_the_verifier_is_a_user_of_the_provider_allowed_to_verify(http, world, parties, pilot):
    admin, funder, _ = parties
    driver = world.person("luc", "logistics")
    for verifier, problem in ((funder.id, "No user of the provider with this id."),
                              (driver.id, "Must be an active user of the provider whose role may verify an audit "
                                          "(admin or dietitian); they never verify a measurement they recorded "
                                          "themselves."),
                              (999_999, "No user of the provider with this id.")):
        refused = agreement_with(http, admin, funder, verifier, codes=AUDITED[:1])
        assert refused.status_code == 422, refused.json
        assert refused.json["errors"] == {"indicators.5.audit_rule.verified_by": [problem]}
    words = agreement_with(http, admin, funder, "quality coordinator", codes=AUDITED[:1])
    assert words.status_code == 422
    assert words.json["errors"]["indicators"]["5"]["audit_rule"] == {"verified_by": ["Not a valid integer."]}
    assert http.get("/api/v1/agreements", headers=admin.headers).json == []


@pytest.mark.parametrize(("code", "kinds", "population"), [
    ("glim_malnutrition_prevalence", {"glim", "screening"}, 6 + 14),  # GLIM of those screened or assessed
    ("meals_mostly_eaten", {"intake"}, 12), ("on_time_deliveries", {"delivery"}, 6)])
def test_glim_assessments_intake_records_and_deliveries_are_sampled_and_verified_by_the_named_user(
        http, parties, records, code, kinds, population):
    admin, funder, _ = parties
    made = agreement_with(http, admin, funder, admin.id)
    assert made.status_code == 201, made.json
    agreement = accept(http, admin, funder, made.json["id"])
    drawn = http.post(f"/api/v1/agreements/{agreement['id']}/measurement-audits", headers=admin.headers,
                      json={"indicator": code, "period": "2026Q3", "seed": 11})
    assert drawn.status_code == 201, drawn.json
    assert (drawn.json["population"], drawn.json["sample_size"]) == (population, population)
    items = http.get(f"/api/v1/measurement-audits/{drawn.json['id']}/sample", headers=admin.headers).json["items"]
    assert {item["kind"] for item in items} == kinds and len(items) == population
    assert all(item["recorded_by"] in (admin.id, records.id) and item["value"]
               for item in items if item["kind"] != "screening")  # the pilot's forms name no one
    findings = [{"kind": item["kind"], "id": item["id"], "agrees": True} for item in items]
    path = f"/api/v1/measurement-audits/{drawn.json['id']}/findings"
    # Bea recorded them: she is not the verifier the agreement names
    assert http.post(path, headers=records.headers, json={"findings": findings}).status_code == 403
    verified = http.post(path, headers=admin.headers, json={"findings": findings})
    own = [n for n, item in enumerate(items) if item["recorded_by"] == admin.id]
    if own:  # Ada assessed the first client herself: a second person verifies
        assert verified.status_code == 422
        assert set(verified.json["errors"]) == {f"findings.{n}.id" for n in own}
    else:
        assert verified.status_code == 200, verified.json
        assert verified.json["agreement_rate"] == "1.0000"


def test_a_dietitian_of_the_provider_verifies_the_audit_she_is_named_for_never_her_own_records(
        http, world, parties, pilot, records, uow):
    admin, funder, _ = parties
    dirk, other = world.person("dirk", "dietitian"), world.person("dora", "dietitian")

    def assessed_by(user_id):  # the second client's GLIM assessment
        with uow:
            uow.session.scalar(select(Assessment).where(Assessment.client_id == pilot[1])).performed_by = user_id
            uow.commit()
    assessed_by(dirk.id)  # Dirk assessed the second client himself
    made = agreement_with(http, admin, funder, dirk.id, codes=AUDITED[:1])
    assert made.status_code == 201, made.json
    agreement = accept(http, admin, funder, made.json["id"])
    drawn = http.post(f"/api/v1/agreements/{agreement['id']}/measurement-audits", headers=admin.headers,
                      json={"indicator": AUDITED[0], "period": "2026Q3", "seed": 11}).json
    sample = f"/api/v1/measurement-audits/{drawn['id']}/sample"
    items = http.get(sample, headers=dirk.headers).json["items"]
    assert http.get(sample, headers=other.headers).status_code == 404  # not named: no such audit for her
    findings = [{"kind": item["kind"], "id": item["id"], "agrees": True} for item in items]
    path = f"/api/v1/measurement-audits/{drawn['id']}/findings"
    assert http.post(path, headers=admin.headers, json={"findings": findings}).status_code == 403
    own = http.post(path, headers=dirk.headers, json={"findings": findings})
    mine = [n for n, item in enumerate(items) if item["recorded_by"] == dirk.id]
    assert own.status_code == 422 and mine and set(own.json["errors"]) == {f"findings.{n}.id" for n in mine}
    assert own.json["errors"][f"findings.{mine[0]}.id"] == ["A second person verifies: you recorded this measurement."]
    assessed_by(records.id)  # the record put right (Bea assessed it): now Dirk verifies every item
    verified = http.post(path, headers=dirk.headers, json={"findings": findings})
    assert verified.status_code == 200, verified.json
    assert verified.json["agreement_rate"] == "1.0000"
    # she is no party to the agreement: its other pages stay closed to her
    assert http.get(f"/api/v1/agreements/{agreement['id']}", headers=dirk.headers).status_code == 403
