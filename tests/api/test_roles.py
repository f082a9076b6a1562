"""Every endpoint for every role: who is let through and who gets 403, one test per cell.

The matrix is read from the views, not kept by hand: each API view declares its roles with
``nutriplat.web.roles_required`` (``@roles_required(ADMIN, ...)`` or
``@roles_required(*POLICY.roles("..."))``), which keeps them as the view's
``allowed_roles``. The cells are computed at collection, from an application built on an
in-memory database (nothing is read from it). A role outside the view's roles is refused
before any data is read, so the ids in the path name no row; a role in them reaches the
view's service, which answers 200, 404, 409 or 422 but never 401 or 403."""
from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from flask import Flask

from nutriplat.app import create_app
from nutriplat.auth.roles import ROLES
from nutriplat.config import Config

# Logging in comes before any role.
PUBLIC = {("POST", "/api/v1/auth/token"), ("POST", "/api/v1/invitations/redeem")}
# The largest database id: the path converter accepts it, and no test makes that many rows.
NO_SUCH_ID = 2147483647
# Where a user of each role belongs: a caregiver to no organisation (mandates decide what
# they see), a cofinancer to a cofinancer, a referrer to a referrer organisation, the
# provider's staff to Provider A, ward staff to a care facility.
ORGANISATION = {"caregiver": None, "cofinancer": "Cofinancer", "referrer": "Referrer", "fund": "Fund",
                "ward_staff": "Care Home"}
# Endpoints about a person (a client, their screenings, their alerts and cases, a
# referral), which a cofinancer never reaches: it sees figures, not people.
ABOUT_A_PERSON = ("/clients", "/screenings", "/alerts", "/cases", "/referrals")


@dataclass(frozen=True)
class Endpoint:
    method: str
    rule: str  # as Flask spells it: /api/v1/clients/<int:client_id>
    roles: tuple[str, ...] | None  # None for a public endpoint

    @property
    def template(self) -> str:
        """The path as a reader writes it: /api/v1/clients/{client_id}."""
        return re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", self.rule)

    @property
    def path(self) -> str:
        return re.sub(r"<(?:\w+:)?(\w+)>", str(NO_SUCH_ID), self.rule)


@dataclass(frozen=True)
class Cell:
    endpoint: Endpoint
    role: str

    @property
    def test_id(self) -> str:  # shown as is by tests/conftest.py's pytest_make_parametrize_id
        return f"{self.endpoint.method} {self.endpoint.template} × {self.role}"


def _endpoints_at_collection() -> list[Endpoint]:
    app = create_app(Config(DATABASE_URL="sqlite://", TESTING=True))
    try:
        return declared_endpoints(app)
    finally:
        app.extensions["nutriplat"].engine.dispose()


def declared_endpoints(app: Flask) -> list[Endpoint]:
    """Every API method and path, with the roles its view declares."""
    endpoints = []
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1/"):
            continue
        view = app.view_functions[rule.endpoint]
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            handler = getattr(view.view_class, method.lower()) if hasattr(view, "view_class") else view
            endpoints.append(Endpoint(method, rule.rule, getattr(handler, "allowed_roles", None)))
    return sorted(endpoints, key=lambda e: (e.rule, e.method))


ENDPOINTS = _endpoints_at_collection()
CELLS = [Cell(endpoint, role) for endpoint in ENDPOINTS if endpoint.roles is not None for role in ROLES]


@pytest.mark.parametrize("cell", CELLS)
def test_a_role_is_let_through_exactly_where_the_view_declares_it(world, http, cell):
    endpoint, role = cell.endpoint, cell.role
    person = world.person(f"the-{role}", role, organisation=ORGANISATION.get(role, "Provider A"))
    response = http.open(endpoint.path, method=endpoint.method, headers=person.headers)
    if role in endpoint.roles:
        assert response.status_code not in (401, 403), (response.status_code, response.get_json())
    else:
        assert response.status_code == 403, (response.status_code, response.get_json())
        assert response.json == {"code": 403, "status": "Forbidden",
                                 "message": f"The role '{role}' may not do this."}


def test_every_endpoint_but_logging_in_declares_its_roles(app):
    served = declared_endpoints(app)
    assert served == ENDPOINTS  # the cells were collected from the application the tests run
    assert {(e.method, e.rule) for e in served if e.roles is None} == PUBLIC
    assert all(e.roles and set(e.roles) <= set(ROLES) for e in served if e.roles is not None)


def test_a_cofinancer_is_refused_on_every_endpoint_that_touches_a_person():
    about_a_person = [e for e in ENDPOINTS if any(part in e.rule for part in ABOUT_A_PERSON)]
    assert len(about_a_person) > 50
    assert [e.template for e in about_a_person if "cofinancer" in (e.roles or ())] == []
