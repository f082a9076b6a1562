"""``nutriplat plans generate``: every active client planned on a process pool, once."""
from datetime import timedelta

import pytest
from flask.cli import ScriptInfo
from sqlalchemy import select

from nutriplat.cli import main as cli
from nutriplat.mealplans.models import MealPlan
from tests.setup_calls import setup
from tools.demo.catalogue.seed import seed_catalogue
from tools.demo.seed import SeedReport

MENU = ("Hutsepot met rundvlees en worst", "Gentse waterzooi van kip", "Vol-au-vent met kip en champignons",
        "Balletjes in tomatensaus met puree", "Boterham met hesp", "Havermoutpap met melk", "Groentesoep",
        "Vanillepudding", "Rijstpap", "Appelmoes", "Water", "Thee")


@pytest.fixture
def run(app):
    runner = app.test_cli_runner()
    return lambda *args: runner.invoke(cli, list(args), obj=ScriptInfo(create_app=lambda: app))


@pytest.fixture
def clients(world, http, uow, maria):
    """Two active clients with measurements, one active without, one only referred."""
    with uow:
        seed_catalogue(uow.session, SeedReport(), MENU)
        uow.commit()
    lien = world.person("lien", "dietitian")
    made = []
    for name, status, measured in (("An", "active", True), ("Bart", "active", True),
                                   ("Cis", "active", False), ("Dirk", "referred", True)):
        client = setup(http.post("/api/v1/clients", headers=lien.headers,
                                 json=maria | {"given_name": name, "status": status}))
        for type_, value in (("weight_kg", 70.0), ("height_cm", 170)) if measured else ():
            setup(http.post(f"/api/v1/clients/{client['id']}/measurements", headers=lien.headers,
                            json={"type": type_, "value": value, "measured_at": "2026-01-05T08:00:00+01:00"}))
        made.append(client["id"])
    return made


def test_every_active_client_is_planned_once_on_two_workers(run, clients, uow, next_monday):
    first = run("plans", "generate", "--week", next_monday.isoformat(), "--workers", "2")
    assert first.exit_code == 0, first.output
    assert "2 plans made (0 with infeasible days), 0 already planned, 1 could not be planned" in first.output
    assert f"client {clients[2]}: No weight_kg measured" in first.output
    with uow:
        planned = {p.client_id: p.status for p in uow.session.scalars(select(MealPlan))}
    assert planned == {clients[0]: "draft", clients[1]: "draft"}
    second = run("plans", "generate", "--week", next_monday.isoformat(), "--workers", "1")
    assert "0 plans made (0 with infeasible days), 2 already planned" in second.output


def test_the_week_must_be_a_monday(run, next_monday):
    result = run("plans", "generate", "--week", (next_monday + timedelta(days=2)).isoformat())
    assert result.exit_code == 2 and "give the Monday of the week" in result.output
    assert run("plans", "generate", "--week", "next week").exit_code == 2
