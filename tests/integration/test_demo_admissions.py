"""The demo's hospital step and its meals follow the early-warning trajectories (the story
the evaluation replays): a client whose story goes to hospital is admitted through the
service's own care-setting transfer and discharged back where they came from, which raises
the ``recent_discharge`` signal; the same date gives the same story."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from nutriplat.auth.actor import Actor
from nutriplat.clients.models import Client
from nutriplat.monitoring.models import Alert
from tests.setup_calls import setup
from tools.demo import population as pop
from tools.demo import simulate_admissions as hospital
from tools.early_warning import records

REFERENCE = date(2026, 12, 7)


def first_stay(population: pop.Population) -> tuple[pop.Client, int, int]:
    """A client whose story is admitted and discharged in the first two simulated weeks."""
    first = REFERENCE - timedelta(days=hospital.LEAD_IN_DAYS)
    for person in population.clients:
        story = records.for_person(population.seed, person, first, hospital.LEAD_IN_DAYS + hospital.BLOCK_DAYS,
                                   REFERENCE)
        for stay in story.stays:
            admitted, discharged = stay.admitted - hospital.LEAD_IN_DAYS, stay.discharged - hospital.LEAD_IN_DAYS
            if admitted >= 0 and discharged < 14:
                return person, admitted, discharged
    raise AssertionError("no stay in the first two weeks")


@pytest.mark.business_day("2026-12-07")
def test_the_story_takes_a_client_to_hospital_and_back_through_the_transfer(app, http, world, maria, uow):
    population = pop.build_population(reference_date=REFERENCE)
    person, admitted, discharged = first_stay(population)
    dora = world.person("dora", "dietitian")
    client_id = setup(http.post("/api/v1/clients", headers=dora.headers,
                                json=maria | {"status": "active", "external_ref": person.key}))["id"]
    factory = app.extensions["nutriplat"].session_factory

    def staff(_session, _username):
        return Actor(dora.id, dora.username, dora.role, dora.organisation_id, purpose="demo simulation")

    def on(n: int) -> dict[str, int]:
        return hospital.move(factory, population, REFERENCE + timedelta(days=n), staff)

    assert [on(n) for n in range(admitted)] == [{}] * admitted
    assert on(admitted) == {"admissions": 1} and on(admitted) == {}  # once a day, whatever runs it
    assert [on(n) for n in range(admitted + 1, discharged)] == [{}] * (discharged - admitted - 1)
    assert on(discharged) == {"discharges": 1}
    with uow:
        alerts = uow.session.execute(select(Alert.rule, Alert.status).where(Alert.client_id == client_id)).all()
        client = uow.session.get(Client, client_id)
        assert client is not None
        assert [(t.from_setting, t.to_setting, t.reason) for t in client.setting_history[-2:]] == [
            ("home", "hospital", hospital.ADMITTED), ("hospital", "home", hospital.DISCHARGED)]
    assert ("recent_discharge", "open") in alerts


def test_the_same_date_gives_the_same_meals_at_the_clients_own_level():
    population = pop.build_population(reference_date=REFERENCE)
    person = population.clients[0]
    first = REFERENCE - timedelta(days=hospital.LEAD_IN_DAYS)
    one, two = (records.for_person(population.seed, person, first, 104, REFERENCE, (62.0, 1400.0))
                for _ in range(2))
    assert one.days == two.days
    quiet = [d for d in one.days if d.meals and not any(e.start <= d.index for e in one.episodes)]
    percent = [sum(d.meals) / len(d.meals) for d in quiet]
    assert abs(sum(percent) / len(percent) - 62.0) < 4  # the loaded level carries on
    assert records.intake_rows(7, quiet[0])[0] == {"client_id": 7, "date": quiet[0].on, "meal_slot": "breakfast",
                                                    "percent_eaten": quiet[0].meals[0],
                                                    "fluid_ml": round((quiet[0].fluid_ml or 0) / 3)}
