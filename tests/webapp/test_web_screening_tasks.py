"""The dietitian's day shows the 06:00 work list first: my tasks and unassigned ones,
with how long they have been on the list; other dietitians' tasks stay off my day."""
from __future__ import annotations

from datetime import timedelta

from nutriplat.clock import business_today
from nutriplat.db import UnitOfWork
from nutriplat.jobs.registry import JOBS
from tests.setup_calls import setup


def test_the_day_shows_my_open_tasks_first(app, http, world, web, lien, measured_client, maria):
    dora = world.person("dora", "dietitian")
    nobody = setup(http.post("/api/v1/clients", headers=lien.headers, json=maria | {"family_name": "Peeters"}))["id"]
    theirs = setup(http.post("/api/v1/clients", headers=dora.headers, json=maria | {"family_name": "Claes"}))["id"]
    setup(http.post(f"/api/v1/clients/{theirs}/measurements", headers=dora.headers, json={
        "type": "weight_kg", "value": 60.0, "measured_at": "2026-11-20T08:00:00+01:00"}))
    factory = app.extensions["nutriplat"].session_factory
    counts = JOBS["rescreening-worklist"].run(lambda: UnitOfWork(factory), business_today() - timedelta(days=2))
    assert counts["listed"] == 3

    page = web(lien).get("/app/dietitian/").text
    tasks = page[page.index("Op mijn werklijst (2)"):page.index('id="h-alerts"')]
    assert "Maria Vandenberghe" in tasks and "sinds 2 dagen op de lijst" in tasks and "aan mij toegewezen" in tasks
    assert f"clients/{nobody}" in tasks and "niet toegewezen" in tasks
    assert "nooit gescreend" in tasks  # Dora's client is still on the live list below, not as my task
    assert tasks.index(f"clients/{nobody}") < tasks.index(f"clients/{theirs}")
    assert "Maria Vandenberghe" not in tasks[tasks.index("</ul>"):]  # not listed twice

    english = web(lien, lang="en-GB").get("/app/dietitian/").text
    assert "On my work list (2)" in english and "on the list since 2 days" in english
