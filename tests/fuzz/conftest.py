"""The fuzz test's world: the app served over real HTTP on a free port, with a slice of
the demo pilot (organisations, users, clients, catalogue) so that ids exist and the fuzzer
reaches past 404s into the services."""
from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from werkzeug.serving import WSGIRequestHandler, make_server

from nutriplat.db import UnitOfWork
from tools.demo import population as pop
from tools.demo.catalogue.seed import seed_catalogue, seed_diet_profiles
from tools.demo.seed import SeedReport, seed_clients, seed_organisations, seed_users


class _Quiet(WSGIRequestHandler):
    def log_request(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        """Thousands of fuzzed requests: the report names the failing ones, not the log."""


@pytest.fixture
def live_server(app) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The base URL of the app served by werkzeug in a thread (threaded, as in the demo)."""
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture
def pilot(app) -> pop.Population:  # type: ignore[no-untyped-def]
    """The demo's people and catalogue (no plans, stock or billing: those take the time)."""
    state = app.extensions["nutriplat"]
    population = pop.build_population()
    report = SeedReport()
    with UnitOfWork(state.session_factory) as uow:
        org_ids = seed_organisations(uow.session, population, report)
        user_ids = seed_users(uow.session, population, state.passwords, org_ids, report)
        seed_clients(uow.session, population, org_ids, user_ids, report)
        uow.commit()
    with UnitOfWork(state.session_factory) as uow:
        seed_catalogue(uow.session, report)
        seed_diet_profiles(uow.session, population, report)
        uow.commit()
    return population
