"""Issue 16/20 follow-up, item 3: a recall's units aboard a van that drives no route that
day. The nightly run (``reorder``) accounts them as returned to the depot — a recall step
with its stock move, audited — and the recall closes once the ward's and the depot's
units are accounted too. A van with a stop on that day's published plan keeps its units
until its route is done (``van_back_at_depot``)."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from nutriplat.auth.models import AuditEntry
from nutriplat.clock import BRUSSELS, clock_set_to
from nutriplat.jobs.runner import run_job
from tests.api.facilities.ward_world import places, van_with_driver
from tests.facilities_world import MONDAY, THURSDAY
from tests.setup_calls import setup

pytestmark = pytest.mark.business_day("2026-12-07")


def nightly(app, day):
    result = run_job(app.extensions["nutriplat"].session_factory, "reorder", day)
    assert result.outcome == "succeeded", result.describe()
    return result.counts


def test_a_parked_vans_recalled_units_are_returned_by_the_nightly_run_and_the_recall_closes(
        app, http, served, recalled):
    h, recall_id = recalled["h"], recalled["recall"]["id"]
    for place in recalled["recall"]["locations"]:  # the ward and the depot counted by hand
        if place["kind"] != "vehicle":
            assert setup(http.post(f"/api/v1/recalls/{recall_id}/locations/{place['location_id']}/account",
                                   headers=h, json={"outcome": "collected",
                                                    "units": place["units_held"]}))["status"] == "open"
    assert nightly(app, MONDAY)["recalled_van_stock_returned"] == 1  # no route at all on Monday
    recall = setup(http.get(f"/api/v1/recalls/{recall_id}", headers=h))
    van = places(recall)["vehicle"]
    assert recall["status"] == "closed" and van["location_id"] == served["van"]
    assert (van["units_outstanding"], van["units_accounted"]) == (0, 1)
    (step,) = [s for s in setup(http.get(f"/api/v1/recalls/{recall_id}/report", headers=h))["steps"]
               if s["kind"] == "vehicle"]
    assert step["outcome"] == "collected" and MONDAY.isoformat() in step["note"] and "no route" in step["note"]
    with served["uow"]() as uow:
        (entry,) = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.resource == "recall", AuditEntry.action == "update", AuditEntry.user_id.is_(None))).all()
        assert entry.resource_id == str(recall_id)
        assert entry.detail["location_id"] == served["van"] and entry.detail["units"] == 1
    assert nightly(app, MONDAY + timedelta(days=1)).get("recalled_van_stock_returned", 0) == 0  # nothing left


def test_a_van_driving_a_route_that_day_keeps_its_units_until_the_route_is_done(
        app, http, world, served, recalled):
    with clock_set_to(datetime.combine(THURSDAY, datetime.min.time(), BRUSSELS) + timedelta(hours=1)):
        h = world.person("luc-parked", "logistics").headers
        van_with_driver(http, h, served)
        plan = setup(http.post("/api/v1/route-plans", headers=h, json={  # the ward's collect stop
            "depot_id": served["warehouse"], "date": THURSDAY.isoformat(), "time_limit_s": 1}))
        assert [r["van_id"] for r in plan["result"]["routes"] if r["stops"]] == [served["van"]]
        setup(http.post(f"/api/v1/route-plans/{plan['id']}/publish", headers=h, json={"version": plan["version"]}))
    assert nightly(app, THURSDAY).get("recalled_van_stock_returned", 0) == 0
    recall = setup(http.get(f"/api/v1/recalls/{recalled['recall']['id']}", headers=recalled["h"]))
    assert places(recall)["vehicle"]["units_outstanding"] == 1 and recall["status"] == "open"
