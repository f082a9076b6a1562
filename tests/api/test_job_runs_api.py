"""GET /api/v1/jobs/runs: every attempt, filtered and paged, for admins and logistics.
The jobs serve every organisation at once: a provider's staff see each run's status, only
a platform admin its counts and error, which can name anyone's client (issue 14, hole 9)."""
from __future__ import annotations

import json

import pytest

from nutriplat.jobs import runs


@pytest.fixture
def history(app):
    """reorder: two days succeeded; invoicing: one failed attempt, then one succeeded."""
    factory = app.extensions["nutriplat"].session_factory
    for day in ("2026-11-23", "2026-11-24"):
        runs.finish(factory, runs.start_attempt(factory, "reorder", day, "schedule"), {"delivery_orders": 4})
    failed = runs.start_attempt(factory, "invoicing", "2026-10", "schedule")
    runs.finish(factory, failed, None, "OperationalError: the database went away\n\nTraceback (most recent …)")
    runs.finish(factory, runs.start_attempt(factory, "invoicing", "2026-10", "catch-up"), {"client invoices": 9})


def test_runs_are_listed_newest_first_with_counts_and_error(world, http, history):
    root = world.person("root", "admin", organisation=None)
    response = http.get("/api/v1/jobs/runs", headers=root.headers)
    assert response.status_code == 200
    assert [(r["job"], r["period"], r["attempt"], r["outcome"]) for r in response.json] == [
        ("invoicing", "2026-10", 2, "succeeded"), ("invoicing", "2026-10", 1, "failed"),
        ("reorder", "2026-11-24", 1, "succeeded"), ("reorder", "2026-11-23", 1, "succeeded")]
    failed = response.json[1]
    assert failed["error"] == "OperationalError: the database went away"  # the traceback stays in the log
    assert failed["counts"] is None and failed["duration_s"] >= 0 and failed["trigger"] == "schedule"
    assert response.json[0]["counts"] == {"client invoices": 9}


def test_a_providers_staff_see_the_status_but_no_other_organisations_detail(world, http, app):
    factory = app.extensions["nutriplat"].session_factory
    other = world.person("otto", "dietitian", organisation="Provider B")
    run = runs.start_attempt(factory, "invoicing", "2026-11", "schedule")
    runs.finish(factory, run, None, f"Client 4711 (Provider B, user {other.id}) has no subscription.")
    for person in (world.person("lou", "logistics"), world.person("ada", "admin")):
        seen = http.get("/api/v1/jobs/runs", headers=person.headers).json
        assert [(r["job"], r["outcome"]) for r in seen] == [("invoicing", "failed")]
        assert "4711" not in json.dumps(seen) and seen[0]["counts"] is None
        assert seen[0]["error"] == "Failed; the details are for the platform administrator."
    root = world.person("root", "admin", organisation=None)
    assert "4711" in http.get("/api/v1/jobs/runs", headers=root.headers).json[0]["error"]


def test_filters_and_pages(world, http, history):
    admin = world.person("ada", "admin")
    get = lambda query: http.get(f"/api/v1/jobs/runs?{query}", headers=admin.headers)  # noqa: E731
    assert [r["outcome"] for r in get("job=invoicing&outcome=failed").json] == ["failed"]
    assert [r["job"] for r in get("period=2026-11-23").json] == ["reorder"]
    page = get("job=reorder&page=2&page_size=1")
    assert [r["period"] for r in page.json] == ["2026-11-23"]
    assert json.loads(page.headers["X-Pagination"])["total"] == 2


def test_a_platform_admin_sees_them_too(world, http, history):
    root = world.person("root", "admin", organisation=None)
    assert len(http.get("/api/v1/jobs/runs", headers=root.headers).json) == 4


@pytest.mark.parametrize("query, field", [("outcome=skipped", "outcome"), ("period=November", "period"),
                                          ("page_size=500", "page_size")])
def test_bad_filters_are_a_422_naming_the_field(world, http, query, field):
    admin = world.person("ada", "admin")
    response = http.get(f"/api/v1/jobs/runs?{query}", headers=admin.headers)
    assert response.status_code == 422 and field in json.dumps(response.json["errors"])
