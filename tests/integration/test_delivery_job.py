"""The ``route-plans`` job (one plan per depot and day; a second run changes nothing) and
a solve in a real background thread, followed by polling."""
from __future__ import annotations

import threading
from datetime import timedelta

from sqlalchemy import func, select

from nutriplat.delivery.models import RoutePlan
from nutriplat.jobs.registry import JOBS


def test_the_job_plans_each_depot_once(depot, tomorrow):
    _, _, new_uow = depot
    first = JOBS["route-plans"].run(new_uow, tomorrow)
    assert first == {"plans": 1, "existing": 0, "not_planned": 0, "dropped_stops": 0}
    assert JOBS["route-plans"].run(new_uow, tomorrow) == {"plans": 0, "existing": 1, "not_planned": 0,
                                                            "dropped_stops": 0}
    with new_uow() as uow:
        assert uow.session.scalar(select(func.count(RoutePlan.id))) == 1
        assert uow.session.scalar(select(RoutePlan.status)) == "done"
    assert JOBS["route-plans"].run(new_uow, tomorrow + timedelta(days=1))["plans"] == 0  # no orders that day


def test_a_failed_run_is_tried_again_by_the_job(depot, tomorrow):
    _, _, new_uow = depot
    JOBS["route-plans"].run(new_uow, tomorrow)
    with new_uow() as uow:
        uow.session.scalar(select(RoutePlan)).status = "failed"
        uow.commit()
    assert JOBS["route-plans"].run(new_uow, tomorrow)["plans"] == 1


def test_a_solve_in_a_background_thread_reports_progress_until_done(depot, http, app, tomorrow):
    lena, warehouse, _ = depot
    app.config["ROUTE_PLANS_INLINE"] = False
    try:
        started = http.post("/api/v1/route-plans", headers=lena.headers, json={
            "depot_id": warehouse, "date": tomorrow.isoformat(), "time_limit_s": 1})
        assert started.status_code == 202 and started.json["status"] in ("queued", "running", "done")
        plan_id = started.json["id"]
        # The solve's own thread: waiting for it ends when the solve does, however busy the machine.
        for solver in [t for t in threading.enumerate() if t.name == f"route-plan-{plan_id}"]:
            solver.join()
        plan = http.get(f"/api/v1/route-plans/{plan_id}", headers=lena.headers).json
    finally:
        app.config.pop("ROUTE_PLANS_INLINE")
    assert plan["status"] == "done" and plan["progress"]["fraction"] == 1.0
    assert sum(len(r["stops"]) for r in plan["result"]["routes"]) == 3
