"""The 06:00 rescreening work list: due clients listed once with their dietitian, tasks
closed by a screening, and GET /screening-tasks within the caller's organisation."""
from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from nutriplat.auth.models import AuditEntry
from nutriplat.db import UnitOfWork
from nutriplat.jobs.registry import JOBS
from nutriplat.screening.rescreening.models import RescreeningTask

NOT_AT_RISK = {"bmi_below_20_5": False, "weight_loss_3_months": False,
               "reduced_intake_last_week": False, "severely_ill": False}  # NRS-2002: next due +7 days
WEIGHT = {"type": "weight_kg", "value": 61.5}


def run_job(http, day):
    factory = http.application.extensions["nutriplat"].session_factory
    return JOBS["rescreening-worklist"].run(lambda: UnitOfWork(factory), day)


def client(http, person, maria, family_name):
    response = http.post("/api/v1/clients", headers=person.headers,
                         json=maria | {"family_name": family_name, "status": "active"})
    assert response.status_code == 201, response.json
    return response.json["id"]


def screen(http, person, client_id, performed_on):
    response = http.post(f"/api/v1/clients/{client_id}/screenings", headers=person.headers, json={
        "instrument": "nrs_2002", "answers": NOT_AT_RISK,
        "performed_at": f"{performed_on}T00:00:00+01:00"})  # midnight: never in the future
    assert response.status_code == 201, response.json
    return response.json


def tasks(uow):
    with uow:
        return {t.client_id: t for t in uow.session.scalars(select(RescreeningTask))}


@pytest.fixture
def ward(http, world, dora, maria, today):
    """Provider A: one client due today (screened by Dora 7 days ago), one due tomorrow, one
    never screened but weighed by Lien, one never screened nor weighed, one ended."""
    lien = world.person("lien", "dietitian")
    ids = {name: client(http, dora, maria, name) for name in ("Due", "Tomorrow", "Weighed", "Unknown")}
    ids["Ended"] = client(http, dora, maria, "Ended")
    assert http.post(f"/api/v1/clients/{ids['Ended']}/status-changes", headers=dora.headers, json={
        "changed_on": today.isoformat(), "to_status": "ended", "reason": "moved away"}).status_code == 201
    screen(http, dora, ids["Due"], today - timedelta(days=7))
    screen(http, dora, ids["Tomorrow"], today - timedelta(days=6))
    yesterday = f"{today - timedelta(days=1)}T08:00:00+01:00"
    assert http.post(f"/api/v1/clients/{ids['Weighed']}/measurements", headers=lien.headers,
                     json=WEIGHT | {"measured_at": yesterday}).status_code == 201
    return dora, lien, ids


def test_the_job_lists_each_due_client_once_with_the_inferred_dietitian(http, uow, ward, today):
    dora, lien, ids = ward
    assert run_job(http, today) == {"listed": 3, "closed": 0, "still_open": 3}
    listed = tasks(uow)
    assert set(listed) == {ids["Due"], ids["Weighed"], ids["Unknown"]}  # due on the day counts; tomorrow not
    assert listed[ids["Due"]].due_on == today and listed[ids["Weighed"]].due_on == today  # never screened: the day
    assert {cid: t.dietitian_id for cid, t in listed.items()} == {
        ids["Due"]: dora.id, ids["Weighed"]: lien.id, ids["Unknown"]: None}
    assert {t.listed_on for t in listed.values()} == {today}
    assert run_job(http, today) == {"listed": 0, "closed": 0, "still_open": 3}  # a second run adds nothing
    # Tomorrow the client due tomorrow joins; the open tasks are not listed again.
    assert run_job(http, today + timedelta(days=1)) == {"listed": 1, "closed": 0, "still_open": 4}
    assert tasks(uow)[ids["Tomorrow"]].due_on == today + timedelta(days=1)


def test_a_screening_closes_its_task_at_once_and_the_job_finds_nothing_left_to_close(http, uow, ward, today):
    dora, _, ids = ward
    run_job(http, today)
    done = screen(http, dora, ids["Unknown"], today)
    task = tasks(uow)[ids["Unknown"]]
    assert (task.done_screening_id, task.done_on) == (done["id"], today)
    assert run_job(http, today) == {"listed": 0, "closed": 0, "still_open": 2}
    assert run_job(http, today) == {"listed": 0, "closed": 0, "still_open": 2}
    # Due again a week later: a new task for the new due date, the closed one stays as it was.
    assert run_job(http, today + timedelta(days=7))["listed"] == 2  # "Unknown" again, "Tomorrow"
    with uow:
        rows = list(uow.session.scalars(select(RescreeningTask).where(RescreeningTask.client_id == ids["Unknown"])
                                        .order_by(RescreeningTask.id)))
    assert [(t.due_on, t.done_on) for t in rows] == [(today, today), (today + timedelta(days=7), None)]


def test_the_api_lists_open_and_done_tasks_of_the_callers_organisation(http, uow, world, maria, ward, today):
    dora, lien, ids = ward
    other = world.person("otto", "dietitian", organisation="Provider B")
    elsewhere = client(http, other, maria, "Elsewhere")
    run_job(http, today)
    screen(http, dora, ids["Due"], today)
    run_job(http, today)

    def get(person, **query):
        response = http.get("/api/v1/screening-tasks", headers=person.headers, query_string=query)
        assert response.status_code == 200, response.json
        return response

    open_tasks = get(dora).json
    assert [t["client_id"] for t in open_tasks] == [ids["Unknown"], ids["Weighed"]]  # as listed: by name
    assert open_tasks[1] | {"id": 0} == {"id": 0, "client_id": ids["Weighed"], "given_name": "Maria",
                                         "family_name": "Weighed", "due_on": today.isoformat(),
                                         "listed_on": today.isoformat(), "dietitian_id": lien.id,
                                         "done_screening_id": None, "done_on": None}
    assert [t["client_id"] for t in get(lien, mine="true").json] == [ids["Weighed"]]
    assert get(dora, mine="true").json == []
    done = get(dora, status="done").json
    assert [(t["client_id"], t["done_on"]) for t in done] == [(ids["Due"], today.isoformat())]
    assert [t["client_id"] for t in get(other).json] == [elsewhere]  # Provider B sees only its own
    page = get(dora, page=2, page_size=1)
    assert json.loads(page.headers["X-Pagination"])["total"] == 2
    assert [t["client_id"] for t in page.json] == [ids["Weighed"]]
    with uow:
        reads = list(uow.session.scalars(select(AuditEntry.client_id).where(
            AuditEntry.resource == "rescreening_task", AuditEntry.user_id == other.id)))
    assert reads == [elsewhere]


@pytest.mark.parametrize("query, field", [({"status": "closed"}, "status"), ({"mine": "perhaps"}, "mine")])
def test_bad_filters_are_refused_naming_the_field(http, dora, query, field):
    response = http.get("/api/v1/screening-tasks", headers=dora.headers, query_string=query)
    assert response.status_code == 422 and field in json.dumps(response.json["errors"])
