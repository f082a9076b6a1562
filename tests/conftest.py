"""Test fixtures. The schema is built by running the migrations, on SQLite by
default or on the PostgreSQL database named by NUTRIPLAT_TEST_DATABASE_URL."""
from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from nutriplat import migrate
from nutriplat.app import create_app
from nutriplat.auth import services as auth_services
from nutriplat.auth.actor import SYSTEM
from nutriplat.config import Config
from nutriplat.db import UnitOfWork, make_engine
from tests.api.delivery_world import day as day
from tests.api.equipment_world import shop as shop
from tests.setup_calls import setup
from tests.tables import empty_tables

# The delivery tests' day and the equipment tests' shop (tests/api/*_world.py) are fixtures of
# the whole suite: the API, web, browser and integration tests build on them.
# The suite's calendar (--business-day, the business_day marker and fixture) and the care
# facilities' fixtures (facilities, place, planned) are plugins beside this file.
sys.path.insert(0, str(Path(__file__).parent))
pytest_plugins = ("business_day", "facilities_world")

TEST_PASSWORD = "correct horse battery"
# Route and meal-plan solves budget their search in steps, not seconds: the same result on a busy machine.
os.environ.setdefault("NUTRIPLAT_DETERMINISTIC_SOLVES", "1")


def _reset_postgres(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = os.environ.get("NUTRIPLAT_TEST_DATABASE_URL")
    if url:
        _reset_postgres(url)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    migrate.upgrade(url)
    return url


@pytest.fixture(scope="session")
def is_postgres(database_url: str) -> bool:
    return database_url.startswith("postgresql")


@pytest.fixture(autouse=True)
def _postgres_only(request: pytest.FixtureRequest) -> None:
    """``@pytest.mark.postgres_only``: what SQLite does not have — races on row locks (it
    serialises writers) and the audit log's monthly partitions — runs on PostgreSQL only."""
    if request.node.get_closest_marker("postgres_only") and not request.getfixturevalue("is_postgres"):
        pytest.skip("PostgreSQL's own: row locks or table partitions, which SQLite does not have")


@pytest.fixture(scope="session")
def app(database_url: str):  # type: ignore[no-untyped-def]
    config = Config(DATABASE_URL=database_url, PASSWORD_TIME_COST=1,
                    PASSWORD_MEMORY_COST_KIB=256, TESTING=True)
    app = create_app(config)
    yield app
    app.extensions["nutriplat"].engine.dispose()


@pytest.fixture(autouse=True)
def _empty_tables(request: pytest.FixtureRequest) -> Iterator[None]:
    """Each test starts from empty tables (services commit, so no rollback trick)."""
    yield
    if "app" not in request.fixturenames:
        return
    empty_tables(request.getfixturevalue("app").extensions["nutriplat"].engine)


@pytest.fixture
def today(business_day: date) -> date:
    """This test's today in Brussels: the suite's business day (``--business-day``), or the
    day of the test's ``business_day`` marker. Dates a test derives from today come from
    here, never from a module constant taken at import."""
    return business_day


@pytest.fixture
def tomorrow(today: date) -> date:
    return today + timedelta(days=1)


@pytest.fixture
def next_monday(today: date) -> date:
    """The Monday after today: the week a plan is made for."""
    return today + timedelta(days=7 - today.weekday())


@pytest.fixture
def uow(app) -> UnitOfWork:  # type: ignore[no-untyped-def]
    return UnitOfWork(app.extensions["nutriplat"].session_factory)


@pytest.fixture
def http(app):  # type: ignore[no-untyped-def]
    return app.test_client()


@dataclass
class Person:
    id: int
    username: str
    role: str
    organisation_id: int | None
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


class World:
    """Builds organisations and users and logs them in, as a test needs them."""

    def __init__(self, app, uow: UnitOfWork) -> None:  # type: ignore[no-untyped-def]
        self.app, self.uow = app, uow
        self.http = app.test_client()
        self._orgs: dict[str, int] = {}

    def organisation(self, name: str, type_: str = "provider") -> int:
        if name not in self._orgs:
            self._orgs[name] = auth_services.create_organisation(self.uow, name, type_, SYSTEM).id
        return self._orgs[name]

    def person(self, username: str, role: str, organisation: str | None = "Provider A") -> Person:
        org_type = {"cofinancer": "cofinancer", "referrer": "referrer", "fund": "fund",
                    "ward_staff": "care_facility"}.get(role, "provider")
        if organisation is not None:
            self.organisation(organisation, org_type)
        user = auth_services.create_user(
            self.uow, self.app.extensions["nutriplat"].passwords, SYSTEM, username, TEST_PASSWORD,
            role, organisation)
        response = self.http.post("/api/v1/auth/token",
                                  json={"username": username, "password": TEST_PASSWORD})
        assert response.status_code == 200, response.json
        return Person(user.id, username, role, user.organisation_id, response.json["access_token"])


@pytest.fixture
def world(app, uow) -> World:  # type: ignore[no-untyped-def]
    return World(app, uow)


@pytest.fixture
def maria() -> dict:
    """The minimal valid client body of issue 2."""
    return dict(MARIA)


@pytest.fixture
def dora(world) -> Person:  # type: ignore[no-untyped-def]
    """A dietitian of Provider A."""
    return world.person("dora", "dietitian")


@pytest.fixture
def weighed_maria(http, dora, maria) -> int:  # type: ignore[no-untyped-def]
    """Maria's id: at home since January, 162 cm, 70.0 kg in May and 61.6 kg in November
    (a 12.0 % loss; BMI 23.5), for tests that derive screening inputs."""
    client = setup(http.post("/api/v1/clients", json=maria | {"referral": {"date": "2026-01-05"}},
                             headers=dora.headers))
    for kind, value, when in [("height_cm", 162.0, "2026-01-10"), ("weight_kg", 70.0, "2026-05-15"),
                              ("weight_kg", 61.6, "2026-11-20")]:
        setup(http.post(f"/api/v1/clients/{client['id']}/measurements", headers=dora.headers,
                        json={"type": kind, "value": value, "measured_at": f"{when}T09:00:00+01:00"}))
    return client["id"]


MARIA = {
    "given_name": "Maria", "family_name": "Vandenberghe", "birth_date": "1944-03-12",
    "sex": "female", "care_setting": "home",
    "address": {"street": "Ooststraat 12", "postal_code": "8800", "city": "Roeselare", "country": "BE"},
    "location": {"lat": 50.9465, "lon": 3.1228},
}


# For the web application's tests (tests/webapp, tests/browser): a small Flemish menu
# from the demo catalogue, enough for a feasible week.
WEB_MENU = (
    "Vlaamse stoofvlees met wortelpuree", "Vol-au-vent met kip en champignons",
    "Hutsepot met rundvlees en worst", "Gentse waterzooi van kip",
    "Balletjes in tomatensaus met puree", "Zalm met prei en puree", "Havermoutpap met melk",
    "Rijstpap met bruine suiker", "Groentesoep", "Preisoep", "Chocolademousse", "Appelmoes",
    "Vanillepudding", "Yoghurt met honing", "Water", "Halfvolle melk", "Thee",
    "Drinkvoeding compact eiwitrijk", "Eiwitcrème vanille")


@pytest.fixture
def lien(world):  # type: ignore[no-untyped-def]
    """A dietitian of Provider A."""
    return world.person("lien", "dietitian")


@pytest.fixture
def measured_client(http, uow, lien, maria) -> int:  # type: ignore[no-untyped-def]
    """Maria, active, weighed twice and measured, with the small menu in the catalogue."""
    from tools.demo.catalogue.seed import seed_catalogue
    from tools.demo.seed import SeedReport

    with uow:
        seed_catalogue(uow.session, SeedReport(), WEB_MENU)
        uow.commit()
    created = setup(http.post("/api/v1/clients", json=maria | {"status": "active"}, headers=lien.headers))
    for type_, value, when in (("height_cm", 162, "2026-01-05"), ("weight_kg", 70.0, "2026-05-15"),
                               ("weight_kg", 61.6, "2026-11-20")):
        response = http.post(f"/api/v1/clients/{created['id']}/measurements", headers=lien.headers,
                             json={"type": type_, "value": value, "measured_at": f"{when}T08:00:00+01:00"})
        assert response.status_code == 201, response.json
    return created["id"]


@pytest.fixture
def draft_plan(uow, lien, measured_client, next_monday) -> dict:  # type: ignore[no-untyped-def]
    """A draft plan for next week, made with the mealplans service."""
    from nutriplat.auth.actor import Actor
    from nutriplat.mealplans import services

    actor = Actor(lien.id, lien.username, lien.role, lien.organisation_id)
    return services.create_plan(uow, actor, measured_client, next_monday)


def pytest_make_parametrize_id(config: pytest.Config, val: object, argname: str) -> str | None:
    """A parameter that names itself (``test_id``) is shown by that name, unescaped, so a
    cell of the role matrix reads ``GET /api/v1/clients/{client_id} × cofinancer``."""
    return getattr(val, "test_id", None)
